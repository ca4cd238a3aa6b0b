using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

// Pledges and verdicts (issue 23, "was it delivered?"): what was promised, what delivers it, who judged it and when, as
// known at any instant; refusals store nothing. Against the independent oracle.
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The BSC pledge shows Full Fact's verdict with its date and source, and not before it was known.</summary>
    [Fact]
    public async Task TheCommandPledgeShowsFullFactsVerdictWithItsDateAndSource()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);

        var pledge = (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 12, 31))))!.Pledge;
        pledge.Text.Should().Be("Create a Border Security Command");
        pledge.DeliveredBy.Should().Contain([BorderSecurityCommandId.Value, NovemberBudgetId.Value, SmallBoatArrivalsId.Value]);
        var verdict = pledge.LatestVerdict!;
        (verdict.Assessor, verdict.Rating, verdict.On).Should().Be(("Full Fact", VerdictRating.Achieved, new LocalDate(2024, 11, 4)));
        verdict.Sources.Select(s => s.Url).Should().Equal("https://fullfact.org/government-tracker/border-security-command");

        (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 11, 3))))!.Pledge.Verdicts
            .Should().BeEmpty("the verdict stands from 4 November 2024");
        (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 12, 31), Instant.FromUtc(2024, 11, 5, 0, 0))))!.Pledge.Verdicts
            .Should().BeEmpty("the verdict was not known before 6 November 2024");
        (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 7, 6)))).Should().BeNull("made on 7 July 2024");

        // A later verdict by the same assessor: the history keeps both, the latest stands, and what was known before it is unchanged.
        var later = (await store.SubmitAsync(new GiveVerdict
        {
            PledgeId = CreateCommandPledgeId,
            Assessor = "Full Fact",
            Rating = VerdictRating.OnTrack,
            Evidence = "a conformance re-rating",
            ValidOn = new LocalDate(2025, 1, 10),
            Provenance = Provenance.Of(Source("rerating")),
        })).Events.Single();
        var history = (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2025, 2, 1))))!.Pledge;
        history.Verdicts.Select(v => v.Rating).Should().Equal(VerdictRating.Achieved, VerdictRating.OnTrack);
        history.LatestVerdicts.Should().ContainSingle().Which.Rating.Should().Be(VerdictRating.OnTrack);
        (await store.PledgeOfAsync(CreateCommandPledgeId, new AsOfQuery(new LocalDate(2025, 2, 1), later.RecordedAt - Duration.FromTicks(1))))!
            .Pledge.LatestVerdict!.Rating.Should().Be(VerdictRating.Achieved);

        var log = await store.ReadAllAsync();
        foreach (var query in new[] { new AsOfQuery(LocalDate.MaxIsoValue), new AsOfQuery(new LocalDate(2024, 11, 4)), new AsOfQuery(new LocalDate(2025, 2, 1), later.RecordedAt - Duration.FromTicks(1)) })
        {
            AssertPledgesMatch(await store.PledgesAsync(query), log, query, $"{query}");
        }

        await FluentActions.Awaiting(() => store.PledgeOfAsync(null!, new AsOfQuery(LocalDate.MaxIsoValue)))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("pledgeId");
    }

    /// <summary>The command pledge's delivery view sets what was promised beside what delivers it, as of each date.</summary>
    [Fact]
    public async Task TheCommandPledgesDeliveryViewSetsThePromiseBesideWhatDeliversItAsOfEachDate()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);

        var end2024 = (await PledgeDelivery.OfAsync(store, CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 12, 31))))!;
        end2024.Promised.Total.Should().Be(Money.FromMillions(150), "£75m redirected plus £75m new");
        end2024.Promised.Ceiling.Should().Be(Money.FromMillions(75), "the September money is 'up to'");
        end2024.Commitments.Select(c => c.CommitmentId).Should().Equal(SeptemberRedirectId.Value, NovemberBudgetId.Value);
        end2024.Targets.Select(t => (t.TargetId, t.Headcount, t.InPost)).Should().Equal((CommanderId.Value, 1, 1), (BscStaffId.Value, 300, 0));
        end2024.People.Should().Be((301, 1));
        end2024.Commands.Should().ContainSingle().Which.Command.CommandId.Should().Be(BorderSecurityCommandId.Value);
        end2024.Outcomes.Should().ContainSingle().Which.Indicator.Values[0].Latest.Stated.Should().Be("more than 5,000");
        end2024.NotRecorded.Should().BeEmpty();
        end2024.Pledge.Pledge.LatestVerdict!.Rating.Should().Be(VerdictRating.Achieved);
        end2024.OpenDisputes.Select(d => d.DisputeId).Should().Equal(CommandEstablishedDisputeId.Value, SeptemberOriginDisputeId.Value);

        var september = (await PledgeDelivery.OfAsync(store, CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 9, 20))))!;
        september.Promised.Total.Should().Be(Money.FromMillions(75), "only the September money was tied to the pledge by then");
        september.Commitments.Select(c => c.CommitmentId).Should().Equal(SeptemberRedirectId.Value);
        september.NotRecorded.Should().BeEmpty();
        (await PledgeDelivery.OfAsync(store, CreateCommandPledgeId, new AsOfQuery(new LocalDate(2024, 12, 31), Instant.FromUtc(2024, 10, 1, 0, 0))))!
            .Commitments.Should().ContainSingle("as known on 1 October 2024, the November money was not yet announced");
        september.Pledge.Pledge.Verdicts.Should().BeEmpty();

        (await PledgeDelivery.OfAsync(store, new PledgeId("pledge:none"), new AsOfQuery(LocalDate.MaxIsoValue))).Should().BeNull();
    }

    /// <summary>Pledges of generated histories answer as the oracle does.</summary>
    [Fact]
    public async Task PledgesOfGeneratedHistoriesAnswerAsTheOracleDoes()
    {
        var asked = 0;
        var verdicts = 0;
        var parts = 0;
        await foreach (var (seed, store, log, random) in GeneratedStoresAsync(6, requests: 60))
        {
            verdicts += log.Count(e => e.Data is VerdictGiven);
            parts += log.Count(e => e.Data is PledgeMade { PartOf: not null });
            var instants = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
            for (var q = 0; q < 6; q++)
            {
                var query = new AsOfQuery(q == 0 ? LocalDate.MaxIsoValue : new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1600)),
                    q % 3 == 2 ? instants[random.Next(instants.Count)] : null, q % 3 == 1 ? log[random.Next(log.Count)].RecordedAt : null);
                var all = await store.PledgesAsync(query);
                AssertPledgesMatch(all, log, query, $"seed {seed}, {query}");
                foreach (var id in all.Select(p => p.PledgeId))
                {
                    (await store.PledgeOfAsync(new PledgeId(id), query))!.Pledge.Should().BeEquivalentTo(all.Single(p => p.PledgeId == id).Pledge, $"seed {seed}, {id}");
                }

                asked++;
            }
        }

        asked.Should().BePositive();
        verdicts.Should().BePositive("the generated histories give verdicts");
        parts.Should().BePositive("the generated histories split pledges into parts");
    }

    /// <summary>A broken pledge rule names the rule or field and stores nothing.</summary>
    [Fact]
    public async Task ABrokenPledgeRuleNamesTheRuleOrFieldAndStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(MadePledge("pledge:whole", null));
        await store.SubmitAsync(Pledge("funding:linked", Money.FromMillions(1), new LocalDate(2024, 1, 15)));
        await store.SubmitAsync(Link("pledge:whole", "funding:linked", new LocalDate(2024, 1, 15)));
        await store.SubmitAsync(Pledge("funding:unlinked", Money.FromMillions(2), new LocalDate(2024, 1, 16)));
        await store.SubmitAsync(new Disputes.RecordDispute
        {
            DisputeId = new("dispute:about-it"),
            SubjectIds = [new PledgeId("pledge:whole")],
            Fact = "what was promised",
            Sides = [new Disputes.DisputeSide("one reading", Provenance.Of(Source("a"))), new Disputes.DisputeSide("another", Provenance.Of(Source("b")))],
            ValidOn = new LocalDate(2024, 1, 20),
            Provenance = Provenance.Of(Source("a")),
        });
        var before = await store.ReadAllAsync();

        await RefusedAsync(store, MadePledge("pledge:whole", null), "PledgeAlreadyMade");
        await RefusedAsync(store, MadePledge("pledge:orphan", "pledge:no-such-pledge"), "WholePledgeMustExist");
        await RefusedAsync(store, Verdict("pledge:unknown", new LocalDate(2024, 6, 1)), "PledgeMustBeMade");
        await RefusedAsync(store, Verdict("pledge:whole", new LocalDate(2023, 12, 31)), "VerdictBeforePledge");
        await InvalidAsync(store, Verdict("pledge:whole", new LocalDate(2024, 6, 1)) with { Rating = (VerdictRating)42 }, "Rating");
        await InvalidAsync(store, Verdict("pledge:whole", new LocalDate(2024, 6, 1)) with { Assessor = " " }, "Assessor");
        await RefusedAsync(store, Link("pledge:whole", "funding:none", new LocalDate(2024, 2, 1)), "DelivererMustExist");
        await RefusedAsync(store, Link("pledge:whole", "dispute:about-it", new LocalDate(2024, 2, 1)), "DelivererMustExist");
        await RefusedAsync(store, Link("pledge:unknown", "funding:linked", new LocalDate(2024, 2, 1)), "PledgeMustBeMade");
        await RefusedAsync(store, Link("pledge:whole", "funding:unlinked", new LocalDate(2023, 12, 1)), "LinkBeforePledge");
        await RefusedAsync(store, Link("pledge:whole", "funding:linked", new LocalDate(2024, 2, 1)), "DelivererAlreadyLinked");
        await InvalidAsync(store, MadePledge("pledge:self", "pledge:self"), "PartOf");
        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());

        await store.SubmitAsync(MadePledge("pledge:part", "pledge:whole"));
        (await store.PledgeOfAsync(new PledgeId("pledge:part"), new AsOfQuery(LocalDate.MaxIsoValue)))!.Pledge.PartOf.Should().Be("pledge:whole");
    }

    private static MakePledge MadePledge(string id, string? partOf) => new()
    {
        PledgeId = new(id),
        Text = "Conformance pledge",
        MadeBy = "Conformance government",
        PartOf = partOf is null ? null : new PledgeId(partOf),
        ValidOn = new LocalDate(2024, 1, 1),
        Provenance = Provenance.Of(Source("pledge")),
    };

    private static LinkPledgeDeliverer Link(string id, string subject, LocalDate on) => new()
    {
        PledgeId = new(id),
        SubjectId = new(subject),
        ValidOn = on,
        Provenance = Provenance.Of(Source("link")),
    };

    private static GiveVerdict Verdict(string id, LocalDate on) => new()
    {
        PledgeId = new(id),
        Assessor = "Conformance assessor",
        Rating = VerdictRating.OnTrack,
        Evidence = "conformance evidence",
        ValidOn = on,
        Provenance = Provenance.Of(Source("verdict")),
    };

    private static void AssertPledgesMatch(IReadOnlyList<PledgeOverview> actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because) =>
        actual.Select(p => new IndependentOracle.PledgeView(p.PledgeId, p.Pledge.Text, p.Pledge.MadeBy, p.Pledge.MadeOn, p.Pledge.PartOf, p.Pledge.DeliveredBy,
                [.. p.Pledge.Verdicts.Select(v => $"{v.Assessor}|{v.Rating}|{v.On:yyyy-MM-dd}|{string.Join(",", v.Sources.Select(s => s.Document))}")],
                [.. p.Pledge.Sources.Select(s => $"{s.Document}|{s.Headline}")]))
            .Should().BeEquivalentTo(IndependentOracle.Pledges(log, query.AsOf, query.KnownAt, query.RecordedBy), o => o.WithStrictOrdering(), because);
}
