using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Changes between two known instants (issue 22): the reference timeline's autumn, paging, one subject, bad input, and
// generated histories with corrections and back-fills, each against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    private static readonly Instant October1 = Instant.FromUtc(2024, 10, 1, 0, 0);
    private static readonly Instant November7 = Instant.FromUtc(2024, 11, 7, 0, 0);

    /// <summary>What we learnt between october and november 2024 is each change classified and sourced.</summary>
    [Fact]
    public async Task WhatWeLearntBetweenOctoberAndNovember2024IsEachChangeClassifiedAndSourced()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);

        var page = await store.ChangesAsync(new ChangesQuery(October1, November7));
        page.Continuation.Should().BeNull();
        await AssertChangesMatchOracleAsync(store, page.Changes, October1, November7, null, "the reference timeline");

        // Each step known in the window is one change, sourced as the step is: nothing before 1 October, nothing after 7 November.
        var learnt = Steps.Where(s => s.KnownFrom > October1 && s.KnownFrom <= November7).OrderBy(s => s.KnownFrom).ToList(); // stable: ties in step order
        page.Changes.Should().HaveCount(learnt.Count);
        page.Changes.Select(c => c.Sources).Should().BeEquivalentTo(learnt.Select(s => SourcesOf(s.Request)), o => o.WithStrictOrdering());
        page.Changes.Should().BeInAscendingOrder(c => c.KnownFrom);

        // The new £75m of Budget money: a new commitment, from nothing to £75m.
        var budget = page.Changes.Single(c => c.Stream.Value == NovemberBudgetId.Value);
        budget.Kind.Should().Be(ChangeKind.New);
        budget.IsBackfill.Should().BeFalse();
        budget.Figure.Should().Be(new FigureChange(Shared.Figures.Amount, "", null, Money.FromMillions(75).Pounds));

        // The NCA officers re-announced: one change, a re-announcement, the target still 100 (counted once).
        var nca = page.Changes.Where(c => c.Stream.Value == NcaOfficersId.Value).Should().ContainSingle().Subject;
        nca.Kind.Should().Be(ChangeKind.Reannouncement);
        nca.Figure.Should().Be(new FigureChange(Shared.Figures.Headcount, "", 100, 100));

        // The September money: re-announced, and read into the two-year total (what the amount covers changes, not the amount).
        var september = page.Changes.Where(c => c.Stream.Value == SeptemberRedirectId.Value).ToList();
        september.Select(c => c.Kind).Should().Equal(ChangeKind.Reannouncement, ChangeKind.CoverageChange);
        september.Should().OnlyContain(c => c.Figure == new FigureChange(Shared.Figures.Amount, "", Money.FromMillions(75).Pounds, Money.FromMillions(75).Pounds));
        september[1].Summary.Should().Contain("£150m over the next two years");

        // The disputes opened, both about facts dated before 1 October: back-fills, each about its subject.
        var disputes = page.Changes.Where(c => c.Kind == ChangeKind.DisputeOpened).ToList();
        disputes.Select(c => (c.Stream.Value, c.Subject.Value, c.IsBackfill)).Should().Equal(
            (SeptemberOriginDisputeId.Value, SeptemberRedirectId.Value, true), (CommandEstablishedDisputeId.Value, BorderSecurityCommandId.Value, true));

        // About the September money alone: its two changes and the dispute about it.
        var about = await store.ChangesAboutAsync(SeptemberRedirectId, new ChangesQuery(October1, November7));
        about.Changes.Select(c => c.Kind).Should().Equal(ChangeKind.Reannouncement, ChangeKind.CoverageChange, ChangeKind.DisputeOpened);
        await AssertChangesMatchOracleAsync(store, about.Changes, October1, November7, SeptemberRedirectId.Value, "about the September money");

        // Nothing was learnt between 5 and 6 November 2024 (exclusive of noon on the 6th's window end).
        (await store.ChangesAsync(new ChangesQuery(Instant.FromUtc(2024, 11, 5, 0, 0), Instant.FromUtc(2024, 11, 6, 0, 0)))).Changes.Should().BeEmpty();
    }

    /// <summary>Changes come a page at a time in the same order.</summary>
    [Fact]
    public async Task ChangesComeAPageAtATimeInTheSameOrder()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var whole = (await store.ChangesAsync(new ChangesQuery(Instant.MinValue, Now))).Changes;

        var pages = new List<ChangesPage>();
        ChangesQuery? query = new(Instant.MinValue, Now, pageSize: 4);
        while (query is not null)
        {
            var page = await store.ChangesAsync(query);
            page.Changes.Count.Should().BeLessThanOrEqualTo(4);
            pages.Add(page);
            query = query.Next(page);
        }

        pages.SelectMany(p => p.Changes).Should().Equal(whole);
        pages.Should().HaveCount((whole.Count + 3) / 4);
        pages[^1].Continuation.Should().BeNull();
    }

    /// <summary>A changes query refuses bad input naming the parameter.</summary>
    [Fact]
    public void AChangesQueryRefusesBadInputNamingTheParameter()
    {
        FluentActions.Invoking(() => new ChangesQuery(November7, October1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("knownBy");
        FluentActions.Invoking(() => new ChangesQuery(October1, November7, pageSize: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pageSize");
        FluentActions.Invoking(() => new ChangesQuery(October1, November7, pageSize: ChangesQuery.MaxPageSize + 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pageSize");
        FluentActions.Invoking(() => new ChangesQuery(October1, November7, continuation: "not a continuation"))
            .Should().Throw<ArgumentException>().WithParameterName("continuation");
        new ChangesQuery(October1, October1).KnownBy.Should().Be(October1, "an empty window is a question with no changes");
    }

    /// <summary>Changes of generated histories with corrections and back fills answer as the oracle does.</summary>
    [Fact]
    public async Task ChangesOfGeneratedHistoriesWithCorrectionsAndBackFillsAnswerAsTheOracleDoes()
    {
        var windows = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(8))
        {
            var instants = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            for (var q = 0; q < 5; q++)
            {
                var a = instants[random.Next(instants.Count)] + Duration.FromTicks(random.Next(-1, 2));
                var b = q == 0 ? Now : instants[random.Next(instants.Count)];
                (a, b) = a <= b ? (a, b) : (b, a);
                Instant? recordedBy = q == 3 ? log[random.Next(log.Count)].RecordedAt : null;
                var whole = await store.ChangesAsync(new ChangesQuery(a, b, recordedBy: recordedBy));
                await AssertChangesMatchOracleAsync(store, whole.Changes, a, b, null, $"seed {seed}, window {a} to {b}, recorded by {recordedBy}", recordedBy);

                var paged = new List<Change>();
                ChangesQuery? query = new(a, b, pageSize: 1 + random.Next(5), recordedBy: recordedBy);
                while (query is not null)
                {
                    var page = await store.ChangesAsync(query);
                    paged.AddRange(page.Changes);
                    query = query.Next(page);
                }

                paged.Should().Equal(whole.Changes, $"seed {seed}: the pages together are the whole answer");

                var subject = log[random.Next(log.Count)].StreamId;
                var about = await store.ChangesAboutAsync(new StreamId(subject), new ChangesQuery(a, b, recordedBy: recordedBy));
                await AssertChangesMatchOracleAsync(store, about.Changes, a, b, subject, $"seed {seed}, about {subject}", recordedBy);
                windows++;
            }
        }

        windows.Should().Be(8 * 5);
    }

    private static async Task AssertChangesMatchOracleAsync(IBorderSecurityStore store, IReadOnlyList<Change> actual, Instant a, Instant b, string? subject, string because,
        Instant? recordedBy = null)
    {
        var expected = IndependentOracle.Changes(await store.ReadAllAsync(), a, b, subject, recordedBy);
        actual.Select(c => new IndependentOracle.ChangeView(c.KnownFrom, c.Sequence, c.ValidOn, c.Stream.Value, c.Subject.Value, c.Kind.ToString(), c.IsBackfill,
                [.. c.Sources.Select(s => $"{s.Document}|{s.Headline}")], c.Figure?.Figure, c.Figure?.Dimension, c.Figure?.Before, c.Figure?.After))
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), because);
    }

    private static IReadOnlyList<SourceReference> SourcesOf(IBorderSecurityRequest request) =>
        ((Provenance)request.GetType().GetProperty(nameof(Provenance))!.GetValue(request)!).Sources;
}
