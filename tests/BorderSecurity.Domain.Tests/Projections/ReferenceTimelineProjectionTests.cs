using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using static BorderSecurity.Domain.ReferenceTimeline.ReferenceTimeline2024;

namespace BorderSecurity.Domain.Tests.Projections;

public class ReferenceTimelineProjectionTests
{
    private static readonly LocalDate BeforeTheBsc = new(2024, 7, 1);
    private static readonly LocalDate AfterTheSeptemberRedirect = new(2024, 10, 1);
    private static readonly LocalDate AfterTheNovemberPackage = new(2024, 11, 5);

    private static readonly Lazy<IReadOnlyList<RecordedEvent>> Events = new(() =>
    {
        // Each step recorded at the instant it became public.
        var clock = new SteppingClock(Instant.FromUtc(2023, 1, 1, 0, 0));
        var store = new InMemoryEventStore(clock);
        foreach (var step in Steps)
        {
            clock.Set(step.KnownFrom);
            store.Submit(step.Request);
        }

        return store.ReadAll();
    });

    private static BorderSecurityProjection Projection() => BorderSecurityProjection.Of(Events.Value);

    [Fact]
    public void BeforeTheBscExistedItHasNoFundingAndNoOverview()
    {
        var projection = Projection();

        projection.Command(BorderSecurityCommandId.Value, new AsOfQuery(BeforeTheBsc)).Should().BeNull();
        projection.Funding(new AsOfQuery(BeforeTheBsc)).Totals.Should().Be(FundingTotals.None);
        projection.Legislation(new AsOfQuery(BeforeTheBsc)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { LegislationId = IllegalMigrationActId.Value, Stage = LegislationStage.RoyalAssent });
    }

    [Fact]
    public void AfterTheSeptemberRedirectTheBscHasUpTo75mRedirectedFromTheIllegalMigrationAct()
    {
        var funding = Projection().Funding(new AsOfQuery(AfterTheSeptemberRedirect)).For(BorderSecurityCommand.Name);

        funding.Totals.Should().Be(new FundingTotals(Total: M(75), NewMoney: Money.Zero, Redirected: M(75), Firm: Money.Zero,
            Ceiling: M(75), Allocated: Money.Zero, Unallocated: M(75)));
        funding.ByOrigin.Should().Equal(new OriginAmount(new FundingOrigin(FundingOriginKind.Redirected, "Illegal Migration Act 2023"), M(75)));
    }

    [Fact]
    public void AfterFourthNovemberThe150mIs75mRedirectedPlus75mNewBudgetMoney()
    {
        var portfolio = Projection().Funding(new AsOfQuery(AfterTheNovemberPackage));
        var bsc = portfolio.For(BorderSecurityCommand.Name);

        bsc.Totals.Total.Should().Be(M(150));
        bsc.Totals.Redirected.Should().Be(M(75));
        bsc.Totals.NewMoney.Should().Be(M(75));
        bsc.Totals.Firm.Should().Be(M(75), "the November money is a firm sum");
        bsc.Totals.Ceiling.Should().Be(M(75), "the September money is 'up to' £75m");
        bsc.ByOrigin.Should().Equal(
            new OriginAmount(new FundingOrigin(FundingOriginKind.NewMoney, "Autumn Budget 2024"), M(75)),
            new OriginAmount(new FundingOrigin(FundingOriginKind.Redirected, "Illegal Migration Act 2023"), M(75)));
        portfolio.For(Interpol.Name).Totals.Total.Should().Be(M(6));
        portfolio.For(InternationalSeriousOrganisedCrime.Name).Totals.Total.Should().Be(M(24));
        portfolio.Totals.Total.Should().Be(M(180));
    }

    [Fact]
    public void TheReannouncedNcaOfficersAreOneTargetOf100Not200()
    {
        var nca = Projection().Recruitment(new AsOfQuery(AfterTheNovemberPackage)).For(NationalCrimeAgency.Name);

        nca.Target.Should().Be(100);
        nca.Targets.Should().ContainSingle().Which.Announcements.Should().Be(2);
        nca.Targets[0].Sources.Should().Contain(Sources2024.CheckedFacts).And.Contain(Sources2024.RecruitmentDrive);
    }

    [Fact]
    public void WhatWasPledgedBy1OctoberAsKnownOn5NovemberIsTheSeptember75m()
    {
        var knownOn5November = Instant.FromUtc(2024, 11, 5, 0, 0);

        var funding = Projection().Funding(new AsOfQuery(new LocalDate(2024, 10, 1), knownOn5November));

        funding.Totals.Total.Should().Be(M(75));
        funding.Commitments.Should().ContainSingle().Which.CommitmentId.Should().Be(SeptemberRedirectId.Value);
    }

    [Fact]
    public void TheCommandOverviewCombinesLeaderAgenciesUnitsFundingAndHeadcount()
    {
        var overview = Projection().Command(BorderSecurityCommandId.Value, new AsOfQuery(AfterTheNovemberPackage))!;

        overview.Command.Leader!.DisplayName.Should().Be("Martin Hewitt CBE QPM");
        overview.Command.CoordinatedAgencies.Should().BeEquivalentTo(
            "National Crime Agency", "Border Force", "Immigration Enforcement", "Police forces", "Intelligence agencies", "Crown Prosecution Service");
        overview.Command.Units.Keys.Should().Equal("OIC Intelligence Source Unit");
        overview.Command.Agreements.Keys.Should().Equal("G7 action plan against migrant smuggling");
        overview.Funding.Totals.Total.Should().Be(M(150));
        overview.Recruitment.Target.Should().Be(300);
    }

    [Fact]
    public void TheBillIsAtAnnouncedWithItsHistory()
    {
        var bill = Projection().Legislation(new AsOfQuery(AfterTheNovemberPackage)).Single(l => l.LegislationId == BorderSecurityBillId.Value);

        bill.Stage.Should().Be(LegislationStage.Announced);
        bill.History.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Stage = LegislationStage.Announced, On = new LocalDate(2024, 7, 17) });
    }

    [Fact]
    public void TheBscsFundingOver2024StepsUpOnTheRedirectAndOnTheBudgetMoney() =>
        Projection().FundingSeries(BorderSecurityCommand.Name, new AsOfQuery(LocalDate.MaxIsoValue)).Should().Equal(
            new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 9, 17), new FundingSeriesValue(M(75), [])),
            new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 11, 4), new FundingSeriesValue(M(150), [])));

    [Fact]
    public void EveryTimelineEntryCitesItsSources()
    {
        var timeline = Projection().Timeline(new AsOfQuery(new LocalDate(2024, 12, 31)));

        timeline.Should().HaveCount(Events.Value.Count);
        timeline.Should().OnlyContain(e => e.Sources.Count > 0);
        timeline.Select(e => e.ValidOn).Should().BeInAscendingOrder();
        timeline[0].Summary.Should().Be("Illegal Migration Act 2023 receives Royal Assent");
    }

    [Fact]
    public void ABackFilledEventIsExcludedFromQuestionsKnownBeforeItWasRecorded()
    {
        var clock = new SteppingClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var store = new InMemoryEventStore(clock);
        store.Submit(new PledgeFunding
        {
            CommitmentId = NovemberBudgetId,
            Recipient = BorderSecurityCommand,
            Amount = M(75),
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = new FundingPeriod("over the next two years"),
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = new LocalDate(2024, 11, 4),
            Provenance = Provenance.Of(Sources2024.RecruitmentDrive),
        });
        clock.Set(Instant.FromUtc(2024, 11, 10, 9, 0));
        store.Submit(new RedirectFunding
        {
            CommitmentId = SeptemberRedirectId,
            Recipient = BorderSecurityCommand,
            Amount = M(75),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Illegal Migration Act 2023",
            Period = new FundingPeriod("not stated"),
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 9, 17),
            Provenance = Provenance.Of(Sources2024.NewFundingForTech),
        });
        var projection = BorderSecurityProjection.Of(store.ReadAll());
        var october = new LocalDate(2024, 10, 1);

        projection.Funding(new AsOfQuery(october, Instant.FromUtc(2024, 11, 5, 0, 0))).Totals.Total.Should().Be(Money.Zero);
        projection.Funding(new AsOfQuery(october)).Totals.Total.Should().Be(M(75));
        projection.FundingSeries(BorderSecurityCommand.Name, new AsOfQuery(LocalDate.MaxIsoValue, Instant.FromUtc(2024, 11, 5, 0, 0)))
            .Should().Equal(new SeriesPoint<FundingSeriesValue>(new LocalDate(2024, 11, 4), new FundingSeriesValue(M(75), [])));
    }

    [Fact]
    public void ACorrectionChangesTheAnswerOnlyForQuestionsKnownAfterIt()
    {
        var clock = new SteppingClock(Instant.FromUtc(2024, 9, 17, 12, 0));
        var store = new InMemoryEventStore(clock);
        store.Submit(new RedirectFunding
        {
            CommitmentId = SeptemberRedirectId,
            Recipient = BorderSecurityCommand,
            Amount = M(70),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Illegal Migration Act 2023",
            Period = new FundingPeriod("not stated"),
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 9, 17),
            Provenance = Provenance.Of(Sources2024.AggregatorNew75m),
        });
        clock.Set(Instant.FromUtc(2024, 11, 6, 12, 0));
        store.Submit(new CorrectFundingAmount
        {
            CommitmentId = SeptemberRedirectId,
            CorrectedAmount = M(75),
            Reason = "First recorded as £70m in error",
            Provenance = Provenance.Of(Sources2024.NewFundingForTech),
        });
        var projection = BorderSecurityProjection.Of(store.ReadAll());
        var october = new LocalDate(2024, 10, 1);

        projection.Funding(new AsOfQuery(october, Instant.FromUtc(2024, 11, 5, 0, 0))).Totals.Total.Should().Be(M(70));
        projection.Funding(new AsOfQuery(october, Instant.FromUtc(2024, 11, 7, 0, 0))).Totals.Total.Should().Be(M(75));
        projection.Funding(new AsOfQuery(october)).Commitments.Single().Sources
            .Should().Equal(Sources2024.AggregatorNew75m, Sources2024.NewFundingForTech);
    }

    [Fact]
    public void RecordingTheTimelineStreamsInAnotherOrderGivesTheSameAnswers()
    {
        var clock = new SteppingClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        var store = new InMemoryEventStore(clock);
        // Stream by stream, latest-announced first (legislation first: redirects and powers refer to Acts; disputes and pledges
        // last: their subjects and what delivers them must exist).
        foreach (var step in Steps.Reverse().GroupBy(s => s.Request.StreamId.Value)
                     .OrderBy(g => g.Key.StartsWith("legislation:", StringComparison.Ordinal) ? 0
                         : g.Key.StartsWith("dispute:", StringComparison.Ordinal) || g.Key.StartsWith("pledge:", StringComparison.Ordinal) ? 2 : 1)
                     .SelectMany(g => g.Reverse()))
        {
            clock.Set(clock.Now + Duration.FromMinutes(1));
            store.Submit(step.Request);
        }

        var reordered = BorderSecurityProjection.Of(store.ReadAll());
        var original = Projection();
        foreach (var date in new[] { BeforeTheBsc, AfterTheSeptemberRedirect, AfterTheNovemberPackage })
        {
            var query = new AsOfQuery(date);
            reordered.Funding(query).Should().BeEquivalentTo(original.Funding(query), o => o.WithStrictOrdering());
            reordered.Recruitment(query).Should().BeEquivalentTo(original.Recruitment(query), o => o.WithStrictOrdering());
            reordered.Legislation(query).Should().BeEquivalentTo(original.Legislation(query), o => o.WithStrictOrdering());
            reordered.Command(BorderSecurityCommandId.Value, query).Should().BeEquivalentTo(original.Command(BorderSecurityCommandId.Value, query));
        }
    }

    private static Money M(decimal millions) => Money.FromMillions(millions);
}
