using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Tests.Funding;

/// <summary>The rules of what an amount covers, decided by <see cref="FundingCommitmentDecider"/>.</summary>
public class FundingPeriodSpecs
{
    private const string Id = "funding:period-spec";
    private static readonly LocalDate On = new(2025, 5, 1);
    private static readonly FinancialYear Fy25 = new(2025);
    private static readonly FinancialYear Fy26 = new(2026);
    private static readonly Provenance Cited = Provenance.Of(new SourceReference("spec.txt", "Spec"));

    private static PledgeFunding Pledge(FundingPeriod period, decimal millions = 10) =>
        new PledgeFunding
        {
            CommitmentId = new(Id),
            Recipient = new("Border Security Command"),
            Amount = Money.FromMillions(millions),
            Basis = FundingBasis.Firm,
            Period = period,
            Purpose = "spec",
            AnnouncedBy = "tester",
            ValidOn = On,
            Provenance = Cited,
        };

    private static FinancialYearAmount Part(FinancialYear year, decimal millions) => new(year, Money.FromMillions(millions));

    private static FundingCommitment Pledged(FundingPeriod period) =>
        FundingCommitment.Evolve(null, FundingCommitmentDecider.Decide(null, Pledge(period)).Single())!;

    [Fact]
    public void AProfiledTotalOverYearsIsKeptWithItsYearsInOrder()
    {
        var e = FundingCommitmentDecider.Decide(null, Pledge(FundingPeriod.OverYears(Fy25, Fy26, "£10m over two years", [Part(Fy26, 6), Part(Fy25, 4)])))
            .Single().Should().BeOfType<FundingPledged>().Subject;

        e.Period.Profile.Should().Equal(Part(Fy25, 4), Part(Fy26, 6));
    }

    [Theory]
    [InlineData("add up to £9,000,000.00, not the amount £10,000,000.00")]
    public void AProfileThatDoesNotAddUpIsRejectedNamingTheProfile(string message) =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(FundingPeriod.OverYears(Fy25, Fy26, "x", [Part(Fy25, 4), Part(Fy26, 5)]))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.Profile").WithMessage($"*{message}*");

    [Fact]
    public void AProfileYearOutsideTheSpanIsRejected() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(FundingPeriod.OverYears(Fy25, Fy26, "x", [Part(Fy25, 4), Part(new FinancialYear(2027), 6)]))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.Profile").WithMessage("*2027/28 is outside*");

    [Fact]
    public void OverlappingProfileYearsAreRejected() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(FundingPeriod.OverYears(Fy25, Fy26, "x", [Part(Fy25, 4), Part(Fy25, 6)]))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.Profile").WithMessage("*more than once*");

    [Fact]
    public void AYearlyLevelWithoutAYearIsRejected() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(new FundingPeriod("£280m a year", FundingCoverage.YearlyBy))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.FirstYear").WithMessage("*yearly level names the financial year*");

    [Fact]
    public void AYearlyLevelHasNoProfile() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(new FundingPeriod("x", FundingCoverage.YearlyFrom, Fy25, null, [Part(Fy25, 10)]))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.Profile");

    [Fact]
    public void APeriodNotStatedNamesNoYear() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(new FundingPeriod("x", FundingCoverage.NotStated, Fy25))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.FirstYear");

    [Fact]
    public void ASpanOfOneYearIsInYearMoney() =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(null, Pledge(FundingPeriod.OverYears(Fy25, Fy25, "x"))))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "Period.LastYear").WithMessage("*InYear*");

    [Fact]
    public void APeriodRevisionFollowsTheCommitmentChangesSomethingAndIsCheckedAgainstTheAmountThen()
    {
        var state = Pledged(FundingPeriod.NotStated("not stated"));
        var revised = FundingCommitmentDecider.Decide(state, new ReviseFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.OverYears(Fy25, Fy26, "two years"),
            Reason = "announced",
            ValidOn = On.PlusDays(3),
            Provenance = Cited,
        })
            .Single().Should().BeOfType<FundingPeriodRevised>().Subject;
        var after = FundingCommitment.Evolve(state, revised)!;
        after.PeriodAsOf(On)!.Coverage.Should().Be(FundingCoverage.NotStated, "a revision changes the period from its date on");
        after.PeriodAsOf(On.PlusDays(3))!.Coverage.Should().Be(FundingCoverage.OverYears);

        Broken(state, new ReviseFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.OverYears(Fy25, Fy26, "two years"),
            Reason = "x",
            ValidOn = On,
            Provenance = Cited,
        }).Should().Be("PeriodRevisionMustFollowCommitment");
        Broken(after, new ReviseFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.OverYears(Fy25, Fy26, "two years"),
            Reason = "x",
            ValidOn = On.PlusDays(9),
            Provenance = Cited,
        }).Should().Be("PeriodRevisionChangesNothing");
        Broken(after, new ReviseFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.InYear(Fy25, "y"),
            Reason = "x",
            ValidOn = On.PlusDays(3),
            Provenance = Cited,
        }).Should().Be("OnePeriodRevisionPerDate");
        Broken(after, new ReviseFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.OverYears(Fy25, Fy26, "two years", [Part(Fy25, 1), Part(Fy26, 1)]),
            Reason = "x",
            ValidOn = On.PlusDays(9),
            Provenance = Cited,
        })
            .Should().Be("ProfileMustAddUpToAmount");
    }

    [Fact]
    public void APeriodCorrectionIsOnTheCommitmentsDateAndChangesSomething()
    {
        var state = Pledged(FundingPeriod.NotStated("not stated"));
        var corrected = FundingCommitmentDecider.Decide(state, new CorrectFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.InYear(Fy25, "in-year"),
            Reason = "misread",
            Provenance = Cited,
        })
            .Single().Should().BeOfType<FundingPeriodCorrected>().Subject;
        corrected.ValidOn.Should().Be(On);
        FundingCommitment.Evolve(state, corrected)!.Period.Should().Be(FundingPeriod.InYear(Fy25, "in-year"));
        Broken(state, new CorrectFundingPeriod
        {
            CommitmentId = new(Id),
            Period = FundingPeriod.NotStated("not stated"),
            Reason = "x",
            Provenance = Cited,
        }).Should().Be("PeriodCorrectionChangesNothing");
    }

    private static string Broken(FundingCommitment state, IFundingRequest request) =>
        FluentActions.Invoking(() => FundingCommitmentDecider.Decide(state, request)).Should().Throw<DomainRuleViolationException>().Which.Rule;
}
