using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Marten;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// The funding totals, known now and as known at an instant, are read from the kept sums (<c>bsd_funding_totals</c>, issue
/// #24), kept by the inline projection whoever appends, refilled by a rebuild, and used only where they count every funding
/// event of the tenant.
/// Each test proves the kept sums answered by taking the statements away: a question summed from them would change.
/// </summary>
public class MartenKeptTotalsTests
{
    // Either side of year and month boundaries (the kept sums add whole years, then months, then days), and far ahead.
    private static readonly LocalDate[] Dates =
        [new(2023, 12, 31), new(2024, 1, 1), new(2024, 6, 30), new(2024, 7, 1), new(2024, 9, 17), new(2024, 11, 5), new(2024, 12, 31), new(2026, 1, 1), new(2031, 3, 31)];

    [Fact]
    public async Task TotalsKnownNowAndAtAnInstantAreTheKeptSumsAndEqualTheInMemoryFoldsAfterWrites()
    {
        var factory = await StartedAsync();
        await using var stop = new Stop(factory);
        await SubmitAsync(factory.Model, HistoryGenerator.Generate(seed: 31, requests: 150).Requests);

        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        var expected = await AnswersAsync(memory);
        (await AnswersAsync(factory.Model)).Should().Equal(expected);
        expected.Should().Contain(t => t.Total > Money.Zero, "the history pledges money");

        await DropFundingStatementsAsync(factory);

        (await AnswersAsync(factory.Model)).Should().Equal(expected, "totals known now are read from the kept sums, not the statements");
        (await factory.Model.FundingTotalsAsync(new AsOfQuery(Dates[^1], RecordedBy: Instant.MaxValue))).Should().Be(FundingTotals.None,
            "a question as recorded by an instant (the audit view) is summed from the statements, which are gone");
    }

    [Fact]
    public async Task AppendsMadeWithoutTheStoreAreCountedFromTheStreamsHistory()
    {
        var factory = await StartedAsync();
        await using var stop = new Stop(factory);
        var requests = HistoryGenerator.Generate(seed: 32, requests: 120).Requests;
        var viaStore = requests.Count / 2;
        await SubmitAsync(factory.Model, requests.Take(viaStore));

        // The rest appended by plain Marten sessions, decided against the stream as read back: the inline projection reads
        // each stream's earlier events from the log itself.
        foreach (var request in requests.Skip(viaStore))
        {
            await using var session = factory.Store.LightweightSession();
            var stream = await session.Events.FetchStreamAsync(request.StreamId.Value);
            IReadOnlyList<IBorderSecurityEvent> decided;
            try
            {
                decided = BorderSecurityDecider.Decide([.. stream.Select(e => (IBorderSecurityEvent)e.Data)], request, await ReferencedAsync(session, request));
            }
            catch (DomainRuleViolationException)
            {
                continue;
            }

            if (stream.Count == 0)
            {
                session.Events.StartStream(request.StreamId.Value, decided.Cast<object>().ToArray());
            }
            else
            {
                session.Events.Append(request.StreamId.Value, decided.Cast<object>().ToArray());
            }

            await session.SaveChangesAsync();
        }

        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        var expected = await AnswersAsync(memory);
        await DropFundingStatementsAsync(factory);
        (await AnswersAsync(factory.Model)).Should().Equal(expected);
    }

    [Fact]
    public async Task ADatabaseWithEventsFromBeforeTheKeptTotalsSumsTheStatementsUntilARebuild()
    {
        var factory = await StartedAsync();
        await using var stop = new Stop(factory);
        await factory.Model.ImportAsync(ReferenceTimeline2024.Steps);
        await SubmitAsync(factory.Model, HistoryGenerator.Generate(seed: 33, requests: 80).Requests);
        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        var expected = await AnswersAsync(memory);

        // As a database written before the kept totals: the table empty, the tenant not listed.
        await ExecuteAsync(factory, $"truncate {factory.Schema}.bsd_funding_totals; delete from {factory.Schema}.bsd_funding_totals_kept");
        var upgraded = new MartenBorderSecurityStore(factory.Store);

        (await AnswersAsync(upgraded)).Should().Equal(expected, "an unlisted tenant's totals are summed from the statements");
        (await ListedAsync(factory)).Should().BeFalse("a tenant with funding events is listed only by a rebuild");
        (await upgraded.FundingTotalsKeptAsync()).Should().BeFalse();
        var check = new BorderSecurityTablesHealthCheck(upgraded);
        var degraded = await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        degraded.Status.Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        degraded.Description.Should().Contain("RebuildProjectionsAsync()");
        degraded.Data["fundingTotalsKept"].Should().Be(false);

        await upgraded.RebuildProjectionsAsync();

        (await ListedAsync(factory)).Should().BeTrue();
        (await upgraded.FundingTotalsKeptAsync()).Should().BeTrue();
        (await check.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext())).Status
            .Should().Be(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        await DropFundingStatementsAsync(factory);
        (await AnswersAsync(upgraded)).Should().Equal(expected, "after the rebuild the kept sums answer");
    }

    [Fact]
    public async Task ARebuildKeepsTheSumsTheInlineProjectionKept()
    {
        var factory = await StartedAsync();
        await using var stop = new Stop(factory);
        await SubmitAsync(factory.Model, HistoryGenerator.Generate(seed: 34, requests: 150, recipients: 6).Requests);
        var inline = await KeptRowsAsync(factory);
        inline.Should().NotBeEmpty();

        await factory.Model.RebuildProjectionsAsync();

        (await KeptRowsAsync(factory)).Should().Equal(inline, "a rebuild sums each commitment's contribution as the inline projection added its changes");
    }

    [Fact]
    public void RowsAreSummedIntoTheCellsOfBothAxesAndComeInKeyOrder()
    {
        var history = HistoryGenerator.Generate(seed: 35, requests: 200, recipients: 6);
        var changes = history.Events.Where(e => EventCatalogue.AggregateOf(e.Data.GetType()) == AggregateKind.FundingCommitment)
            .GroupBy(e => e.StreamId).SelectMany(FundingContributions.AsKnown).ToList();
        var rows = ProjectionRows.TotalsRowsOf("t", changes);

        rows.Should().NotBeEmpty().And.BeInAscendingOrder(FundingTotalsRow.KeyOrder, "writers lock rows, and a rebuild writes them, in primary-key order");
        rows.Select(r => r.Key).Should().OnlyHaveUniqueItems();
        rows.Select(r => (r.KnownSpan, r.Span)).Distinct().Should().BeEquivalentTo(BorderSecurityTables.FundingTotalsTable.Cells);
        rows.Where(r => r.KnownSpan == BorderSecurityTables.FundingTotalsTable.KnownInstant)
            .Should().OnlyContain(r => r.Scope != BorderSecurityTables.FundingTotalsTable.PortfolioScope, "the portfolio reads every recipient's instants");
        foreach (var (knownSpan, span) in BorderSecurityTables.FundingTotalsTable.Cells.Where(c => c.KnownSpan != BorderSecurityTables.FundingTotalsTable.KnownInstant))
        {
            rows.Where(r => r.Scope.Length == 0 && r.KnownSpan == knownSpan && r.Span == span).Sum(r => r.Amount)
                .Should().Be(changes.Sum(c => c.Change.Amount), $"every change is in one ({knownSpan}, {span}) row of the portfolio");
        }
    }

    /// <summary>
    /// The portfolio's totals and each recipient's at each of <see cref="Dates"/>, known now and at instants of the log: some
    /// of its own known-from instants, a tick before each, and the first instants of their UTC days and months (the kept
    /// sums add whole known years, then months, then days, then the instants of one day).
    /// </summary>
    private static async Task<List<FundingTotals>> AnswersAsync(IBorderSecurityStore store)
    {
        var log = await store.ReadAllAsync();
        var known = log.Select(e => e.KnownFrom).Distinct().Order().ToList();
        var picked = known.Count == 0 ? [] : new[] { 0, known.Count / 4, known.Count / 2, known.Count * 3 / 4, known.Count - 1 }.Select(i => known[i]).ToList();
        var instants = picked.SelectMany(k => new[] { k, k - Duration.Epsilon, Day(k), Month(k) }).Distinct().Select(k => (Instant?)k).Prepend(null).ToList();
        var answers = new List<FundingTotals>();
        foreach (var date in Dates)
        {
            foreach (var knownAt in instants)
            {
                var query = new AsOfQuery(date, knownAt);
                answers.Add(await store.FundingTotalsAsync(query));
                foreach (var recipient in HistoryGenerator.Recipients.Concat(HistoryGenerator.RecipientsOf(6)).Append(ReferenceTimeline2024.BorderSecurityCommand.Name).Distinct())
                {
                    answers.Add(await store.FundingTotalsOfAsync(new Organisation(recipient), query));
                }
            }
        }

        return answers;

        static Instant Day(Instant k) => k.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        static Instant Month(Instant k) => k.InUtc().Date.With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
    }

    private static async Task SubmitAsync(MartenBorderSecurityStore model, IEnumerable<IBorderSecurityRequest> requests)
    {
        foreach (var request in requests)
        {
            try
            {
                await model.SubmitAsync(request);
            }
            catch (DomainRuleViolationException)
            {
                // A generated request may break a rule (by design); it changes nothing.
            }
        }
    }

    private static async Task<IReadOnlyList<IBorderSecurityEvent>> ReferencedAsync(IQuerySession session, IBorderSecurityRequest request)
    {
        var referenced = new List<IBorderSecurityEvent>();
        foreach (var id in BorderSecurityDecider.ReferencedStreamsOf(request))
        {
            referenced.AddRange((await session.Events.FetchStreamAsync(id.Value)).Select(e => (IBorderSecurityEvent)e.Data));
        }

        return referenced;
    }

    private static async Task<MartenStoreFactory> StartedAsync()
    {
        var factory = new MartenStoreFactory();
        await factory.InitializeAsync();
        return factory;
    }

    /// <summary>Drops the factory's schema when the test ends.</summary>
    private sealed class Stop(MartenStoreFactory factory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await factory.DisposeAsync();
    }

    private static Task DropFundingStatementsAsync(MartenStoreFactory factory) =>
        ExecuteAsync(factory, $"delete from {factory.Schema}.bsd_statements where aggregate = '{ProjectionRows.Funding}'");

    private static async Task<bool> ListedAsync(MartenStoreFactory factory)
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var select = new Npgsql.NpgsqlCommand($"select exists (select 1 from {factory.Schema}.bsd_funding_totals_kept)", connection);
        return (bool)(await select.ExecuteScalarAsync())!;
    }

    /// <summary>The kept sums that are not nothing, as text, scale trimmed (a sum of changes may carry more decimal places).</summary>
    private static async Task<List<string>> KeptRowsAsync(MartenStoreFactory factory)
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var select = new Npgsql.NpgsqlCommand(
            $"select (tenant_id, scope, known_span, span, valid_from, known_from, origin, basis, coverage, first_year, last_year, trim_scale(amount), trim_scale(allocated))::text " +
            $"from {factory.Schema}.bsd_funding_totals where amount <> 0 or allocated <> 0 order by 1", connection);
        var rows = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(MartenStoreFactory factory, string sql)
    {
        await using var connection = await factory.Model.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
