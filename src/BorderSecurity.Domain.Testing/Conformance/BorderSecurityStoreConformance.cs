using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using FluentAssertions.Equivalency;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// The store conformance suite, written once against <see cref="IBorderSecurityStore"/>: each store's test project
/// derives from it and says how to make an empty store. Every question is asked through the contract and its answer
/// compared with the <see cref="IndependentOracle"/> (written from the docs, sharing no code with the stores) over the
/// store's own log, and, field for field, with the in-memory projection over the same steps (<see cref="ConformanceReference"/>,
/// store against store); the one field that may differ between stores is <see cref="TimelineEntry.RecordedAt"/>, the
/// instant this store wrote the event. Writes are checked for optimistic concurrency, idempotency and "a broken rule stores nothing".
/// </summary>
public abstract partial class BorderSecurityStoreConformance
{
    /// <summary>The clock stores are made with: after every instant of the reference timeline and the generated histories.</summary>
    protected static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static readonly LocalDate[] ReferenceDates =
    [
        new(2023, 7, 20), new(2024, 7, 7), new(2024, 8, 21), new(2024, 9, 15), new(2024, 9, 17), new(2024, 10, 1),
        new(2024, 11, 4), new(2024, 11, 5), new(2025, 6, 1),
    ];

    private static readonly Instant?[] ReferenceKnownAt =
    [
        null, Instant.FromUtc(2024, 9, 1, 0, 0), Instant.FromUtc(2024, 10, 1, 0, 0), Instant.FromUtc(2024, 11, 5, 0, 0),
        Instant.FromUtc(2024, 11, 4, 12, 0) - Duration.Epsilon, Instant.FromUtc(2024, 11, 4, 12, 0),
    ];

    /// <summary>Makes an empty store of the kind under test, on <paramref name="clock"/> where the store reads one.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The store.</returns>
    protected abstract Task<IBorderSecurityStore> NewStoreAsync(IClock clock);

    // The clock moves on a millisecond at every reading, so consecutive writes get distinct recorded instants.
    private Task<IBorderSecurityStore> NewStoreAsync() => NewStoreAsync(new NodaTime.Testing.FakeClock(Now, Duration.FromMilliseconds(1)));

    /// <summary>
    /// For each seed from 0, a generated history (<see cref="HistoryGenerator"/>, with corrections and back-fills) imported
    /// into a new store, with the store's log and a random source seeded alike, for questions asked of it and of the oracle.
    /// </summary>
    private async IAsyncEnumerable<GeneratedStore> GeneratedStoresAsync(int seeds, int requests = 40)
    {
        for (var seed = 0; seed < seeds; seed++)
        {
            var reference = ConformanceReference.Of(HistoryGenerator.Generate(seed, requests).Steps);
            var store = await NewStoreAsync();
            await store.ImportAsync(reference.Accepted);
            yield return new GeneratedStore(seed, store, await store.ReadAllAsync(), new Random(seed));
        }
    }

    /// <summary>A generated history in a store: see <see cref="GeneratedStoresAsync"/>.</summary>
    private sealed record GeneratedStore(int Seed, IBorderSecurityStore Store, IReadOnlyList<RecordedEvent> Log, Random Random);

    /// <summary>The reference timeline answers every question as the reference does on both axes.</summary>
    [Fact]
    public async Task TheReferenceTimelineAnswersEveryQuestionAsTheReferenceDoesOnBothAxes()
    {
        var store = await NewStoreAsync();
        var reference = ConformanceReference.Of(Steps);
        var imported = await store.ImportAsync(Steps);
        imported.Should().Be(new ImportResult(reference.Events.Count, 0));

        var questions = 0;
        foreach (var date in ReferenceDates)
        {
            foreach (var knownAt in ReferenceKnownAt)
            {
                await AssertSameAnswersAsync(store, reference.Queries, new AsOfQuery(date, knownAt));
                await AssertMatchesOracleAsync(store, new AsOfQuery(date, knownAt));
                questions++;
            }
        }

        foreach (var knownAt in ReferenceKnownAt)
        {
            await AssertSameSeriesAsync(store, reference.Queries, knownAt, null);
            await AssertSeriesMatchOracleAsync(store, knownAt, null);
        }

        foreach (var date in ReferenceDates)
        {
            await AssertSameSeriesAsync(store, reference.Queries, null, null, date);
            await AssertSeriesMatchOracleAsync(store, null, null, upTo: date);
        }

        questions.Should().Be(ReferenceDates.Length * ReferenceKnownAt.Length);
    }

    /// <summary>Imported history keeps when each fact became known.</summary>
    [Fact]
    public async Task ImportedHistoryKeepsWhenEachFactBecameKnown()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);

        // The £75m redirected in September was known by 1 October 2024; the £75m of new money only from 4 November.
        var asOf = new LocalDate(2024, 11, 5);
        var october = await store.FundingOfAsync(Bsc, new AsOfQuery(asOf, Instant.FromUtc(2024, 10, 1, 0, 0)));
        october.Totals.Should().Be(new FundingTotals(Money.FromMillions(75), Money.Zero, Money.FromMillions(75), Money.Zero,
            Money.FromMillions(75), Money.Zero, Money.FromMillions(75)));
        var september = await store.FundingTotalsOfAsync(Bsc, new AsOfQuery(asOf, Instant.FromUtc(2024, 9, 1, 0, 0)));
        september.Should().Be(FundingTotals.None);
        var now = await store.FundingTotalsOfAsync(Bsc, new AsOfQuery(asOf));
        now.Total.Should().Be(Money.FromMillions(150));
        now.NewMoney.Should().Be(Money.FromMillions(75));
        now.Redirected.Should().Be(Money.FromMillions(75));

        var events = await store.ReadAllAsync();
        events.Select(e => e.KnownFrom).Should().Equal(ConformanceReference.Of(Steps).Events.Select(e => e.KnownFrom));
        events.Should().OnlyContain(e => e.RecordedAt > e.KnownFrom, "the history was imported after it became known");
    }

    /// <summary>The audit view answers as the store had recorded it.</summary>
    [Fact]
    public async Task TheAuditViewAnswersAsTheStoreHadRecordedIt()
    {
        var store = await NewStoreAsync();
        var firstHalf = Steps.Take(Steps.Count / 2).ToList();
        await store.ImportAsync(firstHalf);
        var firstWrites = await store.ReadAllAsync();
        var afterFirst = firstWrites.Max(e => e.RecordedAt);
        await Task.Delay(20);
        await store.ImportAsync(Steps);
        var all = await store.ReadAllAsync();
        all.Should().HaveCount(ConformanceReference.Of(Steps).Events.Count);

        var asOf = new LocalDate(2025, 1, 1);
        var before = firstWrites.Min(e => e.RecordedAt) - Duration.Epsilon;
        (await store.TimelineAsync(new AsOfQuery(asOf, RecordedBy: before))).Should().BeEmpty();
        (await store.FundingTotalsAsync(new AsOfQuery(asOf, RecordedBy: before))).Should().Be(FundingTotals.None);

        // As recorded after the first import: exactly what the first half says, whenever the question is asked.
        var audit = new AsOfQuery(asOf, RecordedBy: afterFirst);
        var firstReference = ConformanceReference.Of(firstHalf);
        await AssertSameAnswersAsync(store, firstReference.Queries, audit);
        await AssertMatchesOracleAsync(store, audit);
        (await store.TimelineAsync(audit)).Should().HaveCount(firstWrites.Count);
        await AssertSameSeriesAsync(store, firstReference.Queries, null, afterFirst);
        await AssertSeriesMatchOracleAsync(store, null, afterFirst, "audit view");

        // As recorded now: everything.
        await AssertSameAnswersAsync(store, ConformanceReference.Of(Steps).Queries, new AsOfQuery(asOf, RecordedBy: all.Max(e => e.RecordedAt)));
    }

    /// <summary>Generated histories with corrections and back fills answer as the reference does.</summary>
    [Fact]
    public async Task GeneratedHistoriesWithCorrectionsAndBackFillsAnswerAsTheReferenceDoes()
    {
        var questions = 0;
        for (var seed = 0; seed < 12; seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var reference = ConformanceReference.Of(history.Steps);
            var store = await NewStoreAsync();
            var imported = await store.ImportAsync(reference.Accepted);
            imported.EventsStored.Should().Be(reference.Events.Count, $"seed {seed}");
            (await store.ReadAllAsync()).Select(e => e.Data).Should().BeEquivalentTo(reference.Events.Select(e => e.Data),
                o => o.WithStrictOrdering().RespectingRuntimeTypes(), $"seed {seed}");

            var random = new Random(seed);
            var instants = reference.Events.Select(e => e.KnownFrom).Distinct().ToList();
            for (var q = 0; q < 6; q++)
            {
                Instant? knownAt = q == 0 ? null : instants[random.Next(instants.Count)] + Duration.FromTicks(random.Next(-1, 2));
                var query = new AsOfQuery(new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 1500)), knownAt);
                await AssertSameAnswersAsync(store, reference.Queries, query, $"seed {seed}");
                await AssertMatchesOracleAsync(store, query, $"seed {seed}");
                questions++;
            }

            await AssertSameSeriesAsync(store, reference.Queries, instants[instants.Count / 2], null);
            await AssertSeriesMatchOracleAsync(store, instants[instants.Count / 2], null, $"seed {seed}");
            await AssertSeriesMatchOracleAsync(store, null, null, $"seed {seed}");
        }

        questions.Should().Be(12 * 6);
    }

    /// <summary>A correction changes only answers known after it.</summary>
    [Fact]
    public async Task ACorrectionChangesOnlyAnswersKnownAfterIt()
    {
        var store = await NewStoreAsync();
        var pledged = new LocalDate(2024, 3, 1);
        var steps = new[]
        {
            new TimelineStep(Instant.FromUtc(2024, 3, 1, 12, 0), Pledge("funding:c", Money.FromMillions(10), pledged)),
            new TimelineStep(Instant.FromUtc(2024, 6, 1, 12, 0),
                new CorrectFundingAmount
                {
                    CommitmentId = new("funding:c"),
                    CorrectedAmount = Money.FromMillions(12),
                    Reason = "misreported",
                    Provenance = Provenance.Of(Source("correction")),
                }),
        };
        await store.ImportAsync(steps);

        var before = await store.FundingTotalsAsync(new AsOfQuery(pledged, Instant.FromUtc(2024, 6, 1, 12, 0) - Duration.Epsilon));
        var after = await store.FundingTotalsAsync(new AsOfQuery(pledged, Instant.FromUtc(2024, 6, 1, 12, 0)));
        before.Total.Should().Be(Money.FromMillions(10), "before the correction was known the pledge stood as reported");
        after.Total.Should().Be(Money.FromMillions(12), "the correction applies from the original valid date once known");
        (await store.FundingTotalsAsync(new AsOfQuery(pledged))).Total.Should().Be(Money.FromMillions(12));
        (await store.FundingTotalsAsync(new AsOfQuery(pledged.PlusDays(-1)))).Total.Should().Be(Money.Zero);
    }

    /// <summary>A stale expected version stores nothing.</summary>
    [Fact]
    public async Task AStaleExpectedVersionStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Pledge("funding:a", Money.FromMillions(5), new LocalDate(2024, 1, 1)), expectedVersion: 0);
        var allocate = new AllocateFunding
        {
            CommitmentId = new("funding:a"),
            Capability = "Cameras",
            Amount = Money.FromMillions(1),
            ValidOn = new LocalDate(2024, 2, 1),
            Provenance = Provenance.Of(Source("a")),
        };

        var stale = () => store.SubmitAsync(allocate, expectedVersion: 0);
        (await stale.Should().ThrowAsync<StreamConcurrencyException>()).Which.ActualVersion.Should().Be(1);
        (await store.ReadStreamAsync(new CommitmentId("funding:a"))).Should().ContainSingle();

        var fresh = await store.SubmitAsync(allocate, expectedVersion: 1);
        fresh.Events.Should().ContainSingle().Which.Version.Should().Be(2);
        fresh.AlreadyRecorded.Should().BeFalse();
    }

    /// <summary>An idempotency key stores a request once.</summary>
    [Fact]
    public async Task AnIdempotencyKeyStoresARequestOnce()
    {
        var store = await NewStoreAsync();
        var pledge = Pledge("funding:i", Money.FromMillions(3), new LocalDate(2024, 1, 1));
        var first = await store.SubmitAsync(pledge, idempotencyKey: "pledge-i");
        var second = await store.SubmitAsync(pledge, idempotencyKey: "pledge-i");

        first.AlreadyRecorded.Should().BeFalse();
        second.AlreadyRecorded.Should().BeTrue();
        second.Events.Select(e => (e.Sequence, e.Data)).Should().Equal(first.Events.Select(e => (e.Sequence, e.Data)));
        (await store.ReadAllAsync()).Should().HaveCount(first.Events.Count);

        var blank = () => store.SubmitAsync(pledge with { CommitmentId = new("funding:j") }, idempotencyKey: " ");
        await blank.Should().ThrowAsync<ArgumentException>();
        (await store.ReadStreamAsync(new CommitmentId("funding:j"))).Should().BeEmpty();
    }

    /// <summary>A broken rule or a bad field stores nothing.</summary>
    [Fact]
    public async Task ABrokenRuleOrABadFieldStoresNothing()
    {
        var store = await NewStoreAsync();
        await store.SubmitAsync(Pledge("funding:r", Money.FromMillions(5), new LocalDate(2024, 1, 1)));
        var before = await store.ReadAllAsync();

        var pledgedTwice = () => store.SubmitAsync(Pledge("funding:r", Money.FromMillions(6), new LocalDate(2024, 2, 1)));
        (await pledgedTwice.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be("CommitmentAlreadyExists");
        var badTarget = () => store.SubmitAsync(new SetRecruitmentTarget
        {
            TargetId = new("recruitment:r"),
            Organisation = new("Border Force"),
            Role = "officers",
            Headcount = -1,
            AnnouncedBy = "someone",
            ValidOn = new LocalDate(2024, 1, 1),
            Provenance = Provenance.Of(Source("r")),
        });
        (await badTarget.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Headcount");

        (await store.ReadAllAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        (await store.FundingTotalsAsync(new AsOfQuery(new LocalDate(2025, 1, 1)))).Total.Should().Be(Money.FromMillions(5));
        (await store.RecruitmentAsync(new AsOfQuery(new LocalDate(2025, 1, 1)))).Target.Should().Be(0);
    }

    /// <summary>An import stops at a rejected step and resumes.</summary>
    [Fact]
    public async Task AnImportStopsAtARejectedStepAndResumes()
    {
        var store = await NewStoreAsync();
        var good = Steps.Take(5).ToList();
        var broken = new TimelineStep(Instant.FromUtc(2024, 7, 9, 0, 0), new MarkRecruitmentTargetMet
        {
            TargetId = CommanderId,
            InPost = 0,
            ValidOn = new LocalDate(2024, 7, 9),
            Provenance = Provenance.Of(Source("broken")),
        });
        var failing = () => store.ImportAsync([.. good, broken, .. Steps.Skip(5)]);
        var error = (await failing.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(5);
        error.Message.Should().Contain("step 5");
        var stored = await store.ReadAllAsync();
        stored.Should().HaveCount(ConformanceReference.Of(good).Events.Count);

        var resumed = await store.ImportAsync(Steps);
        resumed.StepsAlreadyStored.Should().Be(5);
        (await store.ReadAllAsync()).Select(e => e.Data).Should().BeEquivalentTo(ConformanceReference.Of(Steps).Events.Select(e => e.Data),
            o => o.WithStrictOrdering().RespectingRuntimeTypes());
    }

    /// <summary>A step known after the stores clock is rejected.</summary>
    [Fact]
    public async Task AStepKnownAfterTheStoresClockIsRejected()
    {
        var store = await NewStoreAsync(new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 8, 1, 0, 0)));
        var failing = () => store.ImportAsync(Steps);
        var error = (await failing.Should().ThrowAsync<TimelineImportException>()).Which;
        var firstLate = Steps.ToList().FindIndex(s => s.KnownFrom > Instant.FromUtc(2024, 8, 1, 0, 0));
        error.Step.Should().Be(firstLate);
        (await store.ReadAllAsync()).Should().HaveCount(ConformanceReference.Of(Steps.Take(firstLate)).Events.Count);
    }

    /// <summary>An ordinary write is known from when it is recorded.</summary>
    [Fact]
    public async Task AnOrdinaryWriteIsKnownFromWhenItIsRecorded()
    {
        var store = await NewStoreAsync();
        var result = await store.SubmitAsync(Pledge("funding:o", Money.FromMillions(1), new LocalDate(2024, 1, 1)));
        result.Events.Should().OnlyContain(e => e.KnownFrom == e.RecordedAt);
        (await store.ReadAllAsync()).Should().OnlyContain(e => e.KnownFrom == e.RecordedAt);
        var recorded = result.Events[0].RecordedAt;
        (await store.FundingTotalsAsync(new AsOfQuery(new LocalDate(2024, 1, 1), recorded))).Total.Should().Be(Money.FromMillions(1));
        (await store.FundingTotalsAsync(new AsOfQuery(new LocalDate(2024, 1, 1), recorded - Duration.Epsilon))).Total.Should().Be(Money.Zero);
    }

    /// <summary>A cancelled question or write throws and stores nothing.</summary>
    [Fact]
    public async Task ACancelledQuestionOrWriteThrowsAndStoresNothing()
    {
        var store = await NewStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var write = () => store.SubmitAsync(Pledge("funding:x", Money.FromMillions(1), new LocalDate(2024, 1, 1)), cancellationToken: cancelled.Token);
        await write.Should().ThrowAsync<OperationCanceledException>();
        var import = () => store.ImportAsync(Steps, cancellationToken: cancelled.Token);
        await import.Should().ThrowAsync<OperationCanceledException>();
        var question = () => store.FundingAsync(new AsOfQuery(new LocalDate(2024, 1, 1)), cancelled.Token);
        await question.Should().ThrowAsync<OperationCanceledException>();
        (await store.ReadAllAsync()).Should().BeEmpty();
    }

    /// <summary>A null subject is refused naming the parameter.</summary>
    [Fact]
    public async Task ANullSubjectIsRefusedNamingTheParameter()
    {
        var store = await NewStoreAsync();
        var query = new AsOfQuery(new LocalDate(2024, 11, 5));
        var years = new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2025));
        async Task Refused(Func<Task> ask, string parameter) =>
            (await ask.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be(parameter);

        await Refused(() => store.FundingOfAsync(null!, query), "recipient");
        await Refused(() => store.FundingTotalsOfAsync(null!, query), "recipient");
        await Refused(() => store.FundingSeriesOfAsync(null!, query), "recipient");
        await Refused(() => store.FundingByFinancialYearAsync(null!, query), "years");
        await Refused(() => store.FundingByFinancialYearOfAsync(null!, years, query), "recipient");
        await Refused(() => store.FundingByFinancialYearOfAsync(Bsc, null!, query), "years");
        await Refused(() => store.HeadcountSeriesOfAsync(null!, query), "organisation");
        await Refused(() => store.LegislationOfAsync(null!, query), "legislationId");
        await Refused(() => store.ProvisionsInForceAsync(null!, query), "legislationId");
        await Refused(() => store.CommandAsync(null!, query), "commandId");
        await Refused(() => store.DisputesAboutAsync(null!, query), "subjectId");
        await Refused(() => store.ReadStreamAsync(null!), "streamId");
        await Refused(() => store.SubmitAsync(null!), "request");
        await Refused(() => store.ImportAsync(null!), "steps");
    }

    /// <summary>A series runs up to the questions date and no further.</summary>
    [Fact]
    public async Task ASeriesRunsUpToTheQuestionsDateAndNoFurther()
    {
        var store = await NewStoreAsync();
        await store.ImportAsync(Steps);
        var whole = await store.FundingSeriesOfAsync(Bsc, new AsOfQuery(LocalDate.MaxIsoValue));
        whole.Select(p => p.From).Should().Equal(new LocalDate(2024, 9, 17), new LocalDate(2024, 11, 4));
        (await store.FundingSeriesOfAsync(Bsc, new AsOfQuery(new LocalDate(2024, 11, 3)))).Should().Equal(whole.Take(1), "no point after the question's date");
        (await store.FundingSeriesOfAsync(Bsc, new AsOfQuery(new LocalDate(2024, 11, 4)))).Should().Equal(whole);
        (await store.FundingSeriesOfAsync(Bsc, new AsOfQuery(new LocalDate(2024, 9, 16)))).Should().BeEmpty();
        var headcount = await store.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue));
        var cut = headcount[^1].From.PlusDays(-1);
        (await store.HeadcountSeriesAsync(new AsOfQuery(cut))).Should().Equal(headcount.Where(p => p.From <= cut));
    }

    /// <summary>
    /// Compares every answer of the store (funding, each recipient's funding and totals, recruitment, legislation, every
    /// command's overview, the timeline) with the <see cref="IndependentOracle"/> over the store's own log: the check that
    /// shares no code with the projections, the aggregates, the statement mapping or the time-axis rule.
    /// </summary>
    protected static Task AssertMatchesOracleAsync(IBorderSecurityStore store, AsOfQuery query, string because = "") =>
        OracleAssertions.AllQuestionsAsync(store, query, because);

    /// <summary>Compares the store's funding and headcount series (overall, and per recipient and organisation) with the oracle's.</summary>
    protected static Task AssertSeriesMatchOracleAsync(IBorderSecurityStore store, Instant? knownAt, Instant? recordedBy, string because = "",
        LocalDate? upTo = null) =>
        OracleAssertions.AllSeriesAsync(store, new AsOfQuery(upTo ?? LocalDate.MaxIsoValue, knownAt, recordedBy), $"{because} (independent oracle)".Trim());

    /// <summary>Asks every question of the contract and compares each answer with the reference's.</summary>
    protected static async Task AssertSameAnswersAsync(IBorderSecurityStore store, IBorderSecurityQueries reference, AsOfQuery query, string because = "")
    {
        var why = $"{because} {query}".Trim();
        var funding = await reference.FundingAsync(query);
        (await store.FundingAsync(query)).Should().BeEquivalentTo(funding, Strict, why);
        (await store.FundingTotalsAsync(query)).Should().Be(funding.Totals, why);
        foreach (var recipient in funding.Recipients.Select(r => new Organisation(r.Recipient)).Append(new Organisation("Nobody")))
        {
            var expected = await reference.FundingOfAsync(recipient, query);
            (await store.FundingOfAsync(recipient, query)).Should().BeEquivalentTo(expected, Strict, $"{why}, {recipient}");
            (await store.FundingTotalsOfAsync(recipient, query)).Should().Be(expected.Totals, $"{why}, {recipient}");
        }

        (await store.RecruitmentAsync(query)).Should().BeEquivalentTo(await reference.RecruitmentAsync(query), Strict, why);
        var legislation = await reference.LegislationAsync(query);
        (await store.LegislationAsync(query)).Should().BeEquivalentTo(legislation, Strict, why);
        foreach (var bill in legislation.Select(l => new LegislationId(l.LegislationId)).Append(new LegislationId("legislation:none")))
        {
            (await store.LegislationOfAsync(bill, query)).Should().BeEquivalentTo(await reference.LegislationOfAsync(bill, query), Strict, $"{why}, {bill}");
        }

        (await store.TimelineAsync(query)).Should().BeEquivalentTo(await reference.TimelineAsync(query), o => Strict(o).Excluding(m => m.Name == nameof(TimelineEntry.RecordedAt)), why);
        foreach (var commandId in (await store.TimelineAsync(query)).Select(e => e.StreamId).Where(s => s.StartsWith("command:", StringComparison.Ordinal)).Distinct()
                     .Append(BorderSecurityCommandId.Value).Append("command:none").Select(id => new CommandId(id)))
        {
            (await store.CommandAsync(commandId, query)).Should().BeEquivalentTo(await reference.CommandAsync(commandId, query), Strict, $"{why}, {commandId}");
        }

        var disputes = await reference.DisputesAsync(query);
        (await store.DisputesAsync(query)).Should().BeEquivalentTo(disputes, Strict, why);
        foreach (var subject in disputes.SelectMany(d => d.SubjectIds).Distinct().Select(id => new StreamId(id)).Append(new StreamId("funding:none")))
        {
            (await store.DisputesAboutAsync(subject, query)).Should().BeEquivalentTo(await reference.DisputesAboutAsync(subject, query), Strict, $"{why}, {subject}");
        }
    }

    /// <summary>
    /// Compares the funding and headcount series for the portfolio and every recipient or organisation: whole (as of
    /// <see cref="LocalDate.MaxIsoValue"/>), or up to <paramref name="upTo"/>.
    /// </summary>
    protected static async Task AssertSameSeriesAsync(IBorderSecurityStore store, IBorderSecurityQueries reference, Instant? knownAt, Instant? recordedBy,
        LocalDate? upTo = null)
    {
        var query = new AsOfQuery(upTo ?? LocalDate.MaxIsoValue, knownAt, recordedBy);
        var why = $"series {query}";
        (await store.FundingSeriesAsync(query)).Should().Equal(await reference.FundingSeriesAsync(query), why);
        var everything = await reference.FundingAsync(new AsOfQuery(LocalDate.MaxIsoValue));
        foreach (var recipient in everything.Recipients.Select(r => new Organisation(r.Recipient)))
        {
            (await store.FundingSeriesOfAsync(recipient, query)).Should().Equal(await reference.FundingSeriesOfAsync(recipient, query), $"{why}, {recipient}");
        }

        (await store.HeadcountSeriesAsync(query)).Should().Equal(await reference.HeadcountSeriesAsync(query), why);
        foreach (var organisation in (await reference.RecruitmentAsync(new AsOfQuery(LocalDate.MaxIsoValue))).Organisations.Select(o => new Organisation(o.Organisation)))
        {
            (await store.HeadcountSeriesOfAsync(organisation, query)).Should().Equal(await reference.HeadcountSeriesOfAsync(organisation, query), $"{why}, {organisation}");
        }
    }

    /// <summary>The Border Security Command, as a recipient.</summary>
    private static readonly Organisation Bsc = new(BorderSecurityCommand.Name);

    private static EquivalencyAssertionOptions<T> Strict<T>(EquivalencyAssertionOptions<T> options) =>
        options.WithStrictOrdering().RespectingRuntimeTypes().ComparingRecordsByMembers();

    /// <summary>Submits a request that breaks a rule: refused naming <paramref name="rule"/>.</summary>
    private static async Task RefusedAsync(IBorderSecurityStore store, IBorderSecurityRequest request, string rule)
    {
        var submit = () => store.SubmitAsync(request);
        (await submit.Should().ThrowAsync<DomainRuleViolationException>()).Which.Rule.Should().Be(rule);
    }

    /// <summary>Submits a request with a bad field: refused with an <see cref="ArgumentException"/> naming <paramref name="field"/>.</summary>
    private static async Task InvalidAsync(IBorderSecurityStore store, IBorderSecurityRequest request, string field)
    {
        var submit = () => store.SubmitAsync(request);
        (await submit.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be(field);
    }

    private static SourceReference Source(string name) => new($"{name}.txt", $"Conformance source {name}", new LocalDate(2024, 1, 1));

    private static PledgeFunding Pledge(string id, Money amount, LocalDate on) =>
        new PledgeFunding
        {
            CommitmentId = new(id),
            Recipient = new("Border Security Command"),
            Amount = amount,
            Basis = FundingBasis.Firm,
            OriginName = "Conformance budget",
            Period = new FundingPeriod("not stated"),
            Purpose = "conformance",
            AnnouncedBy = "tester",
            ValidOn = on,
            Provenance = Provenance.Of(Source(id.Replace(':', '-'))),
        };
}
