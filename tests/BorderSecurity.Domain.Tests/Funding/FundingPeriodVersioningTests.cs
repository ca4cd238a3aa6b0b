using System.Text.Json;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Funding;

/// <summary>
/// Stored history keeps reading: checked-in JSON of <c>funding.pledged.v1</c> and <c>funding.redirected.v1</c> (period as a
/// description with optional dates) and a timeline file of format 1, read into today's shapes.
/// </summary>
public class FundingPeriodVersioningTests
{
    /// <summary>
    /// Options that read events as Marten stores them (property names as declared, ISO dates, the model's converters); the
    /// Marten tests read the same files through Marten itself.
    /// </summary>
    private static readonly JsonSerializerOptions Stored = new JsonSerializerOptions
    {
        Converters = { new NodaTimeIsoConverters.LocalDateConverter(), new NodaTimeIsoConverters.DateIntervalConverter() },
    }.ConfigureForBorderSecurity();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static IBorderSecurityEvent ReadStored(string wireName, string file) =>
        EventCatalogue.Read(wireName, type => JsonSerializer.Deserialize(Fixture(file), type, Stored));

    [Fact]
    public void AV1PledgeWithATextOnlyPeriodReadsAsNotStatedKeepingItsWords()
    {
        var pledged = ReadStored("funding.pledged.v1", "funding.pledged.v1.json").Should().BeOfType<FundingPledged>().Subject;

        pledged.Period.Should().Be(FundingPeriod.NotStated("over the next two years"), "words are never guessed into years");
        pledged.Amount.Should().Be(Money.FromMillions(75));
        pledged.OriginName.Should().Be("Autumn Budget 2024");
        pledged.ValidOn.Should().Be(new LocalDate(2024, 11, 4));
    }

    [Fact]
    public void AV1PledgeWhoseDatesAreExactlyOneFinancialYearReadsAsInYearMoney()
    {
        var pledged = ReadStored("funding.pledged.v1", "funding.pledged.v1.financial-year.json").Should().BeOfType<FundingPledged>().Subject;

        pledged.Period.Should().Be(FundingPeriod.InYear(new FinancialYear(2024), "in-year"));
    }

    [Fact]
    public void AV1RedirectReadsIntoTheCurrentShape()
    {
        var redirected = ReadStored("funding.redirected.v1", "funding.redirected.v1.json").Should().BeOfType<FundingRedirected>().Subject;

        redirected.Period.Should().Be(FundingPeriod.NotStated("not stated"));
        redirected.Basis.Should().Be(FundingBasis.UpTo);
        redirected.FromProgramme.Should().Be("Illegal Migration Act 2023");
    }

    [Fact]
    public void TodaysEventsAreWrittenUnderTheV2NamesAndTheV1NamesStayReadable()
    {
        EventCatalogue.NameOf(typeof(FundingPledged)).Should().Be("funding.pledged.v2");
        EventCatalogue.NameOf(typeof(FundingRedirected)).Should().Be("funding.redirected.v2");
        EventCatalogue.TryStoredTypeOf("funding.pledged.v1", out var pledged).Should().BeTrue();
        pledged.Should().Be<FundingPledgedV1>();
        EventCatalogue.TryStoredTypeOf("funding.redirected.v1", out var redirected).Should().BeTrue();
        redirected.Should().Be<FundingRedirectedV1>();
    }

    [Fact]
    public void V1DatesThatAreNotWholeFinancialYearsStayNotStated()
    {
        new FundingPeriodV1("autumn", new DateInterval(new LocalDate(2024, 9, 1), new LocalDate(2025, 3, 31))).Forward()
            .Should().Be(FundingPeriod.NotStated("autumn"));
        new FundingPeriodV1("two years", new DateInterval(new LocalDate(2024, 4, 1), new LocalDate(2026, 3, 31))).Forward()
            .Should().Be(FundingPeriod.OverYears(new FinancialYear(2024), new FinancialYear(2025), "two years"));
    }

    [Fact]
    public async Task ATimelineFileOfFormat1ReadsIntoTodaysRequestsAndAnswersByFinancialYear()
    {
        var steps = TimelineFile.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "timeline-format-1.json")));

        steps.Select(s => s.Request).OfType<PledgeFunding>().Select(p => p.Period).Should().Equal(
            FundingPeriod.NotStated("over the next two years"), FundingPeriod.InYear(new FinancialYear(2024), "in-year"));
        steps.Select(s => s.Request).OfType<RedirectFunding>().Single().Period.Should().Be(FundingPeriod.NotStated("not stated"));

        var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        await store.ImportAsync(steps);
        var answer = await store.FundingByFinancialYearAsync(new FinancialYearRange(new FinancialYear(2024), new FinancialYear(2025)), new AsOfQuery(new LocalDate(2025, 1, 1)));
        answer.For(new FinancialYear(2024))!.ForTheYear.Total.Should().Be(Money.FromMillions(6));
        answer.NotStated.Total.Should().Be(Money.FromMillions(150));
        answer.NotStatedIds.Should().Equal("funding:legacy-budget", "funding:legacy-redirect");
    }

    [Fact]
    public void TimelineFilesAreWrittenInFormat5()
    {
        TimelineFile.FormatVersion.Should().Be(5, "format 4 added a recruitment target's basis, format 5 a bill's session and a dispute's several subjects");
        TimelineFile.Write([]).Should().Contain("border-security-timeline/5");
    }
}
