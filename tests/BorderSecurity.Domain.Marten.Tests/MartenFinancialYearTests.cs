using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using static BorderSecurity.Domain.Marten.Tests.MartenKnownFromTests;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// A Marten database written by the previous version (funding events stored as <c>funding.pledged.v1</c> and
/// <c>funding.redirected.v1</c> with a text-only period, no period rows in the tables) keeps reading: fetched, asked and
/// rebuilt. And the financial-year question stays on the indexes.
/// </summary>
public class MartenFinancialYearTests
{
    private static readonly FinancialYear Fy2024 = new(2024);
    private static readonly FinancialYear Fy2025 = new(2025);
    private static readonly Provenance Cited = Provenance.Of(Sources2024.TechPressExtra75m);

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Stores the three commitments of the fixtures, then turns their rows into what the previous version left.</summary>
    private static async Task<OwnSchema> PreviousVersionDatabaseAsync()
    {
        var own = await OwnSchema.CreateAsync();
        var written = new List<(long Sequence, string WireName, string Fixture)>();
        foreach (var (request, wireName, fixture) in new (IBorderSecurityRequest, string, string)[]
                 {
                     (new RedirectFunding
                     {
                         CommitmentId = new("funding:legacy-redirect"),
                         Recipient = ReferenceTimeline2024.BorderSecurityCommand,
                         Amount = Money.FromMillions(75),
                         Basis = FundingBasis.UpTo,
                         FromProgramme = "Illegal Migration Act 2023",
                         Period = FundingPeriod.NotStated("placeholder"),
                         Purpose = "p",
                         AnnouncedBy = "Home Secretary",
                         ValidOn = new LocalDate(2024, 9, 17),
                         Provenance = Cited,
                     },
                         "funding.redirected.v1", "funding.redirected.v1.json"),
                     (new PledgeFunding
                     {
                         CommitmentId = new("funding:legacy-budget"),
                         Recipient = ReferenceTimeline2024.BorderSecurityCommand,
                         Amount = Money.FromMillions(75),
                         Basis = FundingBasis.Firm,
                         OriginName = "Autumn Budget 2024",
                         Period = FundingPeriod.NotStated("placeholder"),
                         Purpose = "p",
                         AnnouncedBy = "Prime Minister",
                         ValidOn = new LocalDate(2024, 11, 4),
                         Provenance = Cited,
                     },
                         "funding.pledged.v1", "funding.pledged.v1.json"),
                     (new PledgeFunding
                     {
                         CommitmentId = new("funding:legacy-interpol"),
                         Recipient = ReferenceTimeline2024.Interpol,
                         Amount = Money.FromMillions(6),
                         Basis = FundingBasis.Firm,
                         Period = FundingPeriod.NotStated("placeholder"),
                         Purpose = "p",
                         AnnouncedBy = "Prime Minister",
                         ValidOn = new LocalDate(2024, 11, 4),
                         Provenance = Cited,
                     },
                         "funding.pledged.v1", "funding.pledged.v1.financial-year.json"),
                 })
        {
            var result = await own.Model.SubmitAsync(request);
            written.Add((result.Events.Single().Sequence, wireName, fixture));
        }

        // The previous version's rows: the v1 wire name and JSON in mt_events, and no period statements in the tables.
        await using var connection = await own.Model.OpenConnectionAsync();
        foreach (var (sequence, wireName, fixture) in written)
        {
            await using var update = new Npgsql.NpgsqlCommand($"update {own.Schema}.mt_events set type = @type, data = @data::jsonb where seq_id = @seq", connection);
            update.Parameters.AddWithValue("type", wireName);
            update.Parameters.AddWithValue("data", Fixture(fixture));
            update.Parameters.AddWithValue("seq", sequence);
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await using var delete = new Npgsql.NpgsqlCommand($"delete from {own.Schema}.bsd_statements where figure = 'period'", connection);
        (await delete.ExecuteNonQueryAsync()).Should().Be(3);
        return own;
    }

    [Fact]
    public async Task V1EventsWrittenByThePreviousVersionAreFetchedAskedAndRebuiltInTodaysShape()
    {
        await using var own = await PreviousVersionDatabaseAsync();
        using var reopened = MartenStoreFactory.Create(own.Schema);
        var model = new MartenBorderSecurityStore(reopened);

        var budget = (await model.ReadStreamAsync(new StreamId("funding:legacy-budget"))).Single().Data.Should().BeOfType<FundingPledged>().Subject;
        budget.Period.Should().Be(FundingPeriod.NotStated("over the next two years"), "a text-only period is never guessed into years");
        var interpol = (await model.ReadStreamAsync(new StreamId("funding:legacy-interpol"))).Single().Data.Should().BeOfType<FundingPledged>().Subject;
        interpol.Period.Should().Be(FundingPeriod.InYear(Fy2024, "in-year"));
        (await model.ReadAllAsync()).Select(e => e.EventName).Should().Equal(["funding.redirected.v2", "funding.pledged.v2", "funding.pledged.v2"], "they are read in today's shape");
        (await model.ReadAllAsync()).Select(e => e.Data.GetType()).Should().Equal(typeof(FundingRedirected), typeof(FundingPledged), typeof(FundingPledged));

        var asOf = new AsOfQuery(new LocalDate(2025, 1, 1));
        (await model.FundingTotalsAsync(asOf)).Total.Should().Be(Money.FromMillions(156));
        (await model.FundingByFinancialYearAsync(new FinancialYearRange(Fy2024, Fy2025), asOf)).NotStated.Total.Should().Be(Money.FromMillions(156),
            "before a rebuild the tables hold no period rows, so every period reads as not stated");

        (await model.RebuildProjectionsAsync()).EventsRead.Should().Be(3);
        var rebuilt = await model.FundingByFinancialYearAsync(new FinancialYearRange(Fy2024, Fy2025), asOf);
        rebuilt.For(Fy2024)!.ForTheYear.Total.Should().Be(Money.FromMillions(6));
        rebuilt.NotStated.Total.Should().Be(Money.FromMillions(150));
        rebuilt.NotStatedIds.Should().Equal("funding:legacy-budget", "funding:legacy-redirect");
        rebuilt.Commitments.Single(c => c.CommitmentId == "funding:legacy-budget").Period.Description.Should().Be("over the next two years");

        // The same answer as the in-memory store given the same (upcast) events.
        var memory = InMemoryBorderSecurityStore.Over(await model.ReadAllAsync());
        rebuilt.Should().BeEquivalentTo((await memory.FundingByFinancialYearAsync(new FinancialYearRange(Fy2024, Fy2025), asOf)), o => o.WithStrictOrdering().ComparingRecordsByMembers());
    }

    [Fact]
    public async Task AStreamOfV1EventsTakesNewEventsDecidedAgainstItsUpcastState()
    {
        await using var own = await PreviousVersionDatabaseAsync();
        using var reopened = MartenStoreFactory.Create(own.Schema);
        var model = new MartenBorderSecurityStore(reopened);

        await model.SubmitAsync(new ReviseFundingPeriod
        {
            CommitmentId = new("funding:legacy-redirect"),
            Period = FundingPeriod.OverYears(Fy2024, Fy2025, "with the November £75m, £150m over the next two years"),
            Reason = "November report",
            ValidOn = new LocalDate(2024, 11, 4),
            Provenance = Cited,
        });

        var answer = await model.FundingByFinancialYearOfAsync(ReferenceTimeline2024.BorderSecurityCommand, new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(new LocalDate(2025, 1, 1)));
        answer.For(Fy2025)!.UnsplitSpans.Single().CommitmentIds.Should().Equal("funding:legacy-redirect");
        answer.NotStatedIds.Should().Equal("funding:legacy-budget");
    }

    [Fact]
    public async Task TheFinancialYearQuestionStaysIndexOnly()
    {
        await using var own = await OwnSchema.CreateAsync();
        await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        var events = await own.Model.ReadAllAsync();
        var query = new AsOfQuery(new LocalDate(2025, 6, 1), Instant.FromUtc(2024, 11, 6, 12, 0), events[^1].RecordedAt);
        var sql = new AsOfSql(new BorderSecurityTables(own.Schema), own.Schema);
        foreach (var recipient in new[] { null, ReferenceTimeline2024.BorderSecurityCommand.Name })
        {
            var scans = await MartenKnownFromTests.IndexScansAsync(own.Model, sql.FinancialYearCovers(own.Model.TenantKey, query, recipient));
            scans.Should().NotBeEmpty().And.OnlyContain(l => l.Contains("Index Only Scan", StringComparison.Ordinal), string.Join("\n", scans));
            scans.Should().Contain(l => l.Contains("ix_bsd_statements_period", StringComparison.Ordinal));
        }
    }
}
