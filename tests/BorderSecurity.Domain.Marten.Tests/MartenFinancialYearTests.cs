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
                     (new RedirectFunding("funding:legacy-redirect", ReferenceTimeline2024.BorderSecurityCommand, Money.FromMillions(75), FundingBasis.UpTo,
                         "Illegal Migration Act 2023", null, FundingPeriod.NotStated("placeholder"), "p", "Home Secretary", new LocalDate(2024, 9, 17), Cited),
                         "funding.redirected.v1", "funding.redirected.v1.json"),
                     (new PledgeFunding("funding:legacy-budget", ReferenceTimeline2024.BorderSecurityCommand, Money.FromMillions(75), FundingBasis.Firm,
                         "Autumn Budget 2024", FundingPeriod.NotStated("placeholder"), "p", "Prime Minister", new LocalDate(2024, 11, 4), Cited),
                         "funding.pledged.v1", "funding.pledged.v1.json"),
                     (new PledgeFunding("funding:legacy-interpol", ReferenceTimeline2024.Interpol, Money.FromMillions(6), FundingBasis.Firm,
                         null, FundingPeriod.NotStated("placeholder"), "p", "Prime Minister", new LocalDate(2024, 11, 4), Cited),
                         "funding.pledged.v1", "funding.pledged.v1.financial-year.json"),
                 })
        {
            var result = await own.Model.SubmitAsync(request);
            written.Add((result.Events.Single().Sequence, wireName, fixture));
        }

        // The previous version's rows: the v1 wire name and JSON in mt_events, and no period statements in the tables.
        await using var connection = own.Model.OpenConnection();
        await connection.OpenAsync();
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

        await model.SubmitAsync(new ReviseFundingPeriod("funding:legacy-redirect",
            FundingPeriod.OverYears(Fy2024, Fy2025, "with the November £75m, £150m over the next two years"), "November report", new LocalDate(2024, 11, 4), Cited));

        var answer = await model.FundingByFinancialYearOfAsync(new Organisation(ReferenceTimeline2024.BorderSecurityCommand), new FinancialYearRange(Fy2024, Fy2025), new AsOfQuery(new LocalDate(2025, 1, 1)));
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
        var sql = new AsOfSql(own.Schema, own.Schema);
        foreach (var recipient in new[] { null, ReferenceTimeline2024.BorderSecurityCommand })
        {
            await using var connection = own.Model.OpenConnection();
            await connection.OpenAsync();
            await using (var noSeqScan = new Npgsql.NpgsqlCommand("set enable_seqscan = off; set enable_bitmapscan = off", connection))
            {
                await noSeqScan.ExecuteNonQueryAsync();
            }

            await using var explain = new Npgsql.NpgsqlCommand("explain " + sql.FinancialYearCovers(query, recipient), connection);
            AsOfSql.AddParameters(explain, own.Model.TenantKey, query, ProjectionRows.Funding);
            if (recipient is not null)
            {
                explain.Parameters.AddWithValue("recipient", recipient);
            }

            var scans = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetString(0) is var line && line.Contains(" on bsd_", StringComparison.Ordinal) && line.Contains("Scan", StringComparison.Ordinal))
                {
                    scans.Add(line.Trim());
                }
            }

            scans.Should().NotBeEmpty().And.OnlyContain(l => l.Contains("Index Only Scan", StringComparison.Ordinal), string.Join("\n", scans));
            scans.Should().Contain(l => l.Contains("ix_bsd_statements_period", StringComparison.Ordinal));
        }
    }
}
