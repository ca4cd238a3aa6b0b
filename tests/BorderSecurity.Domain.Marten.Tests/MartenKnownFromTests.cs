using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Marten;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>Both instants of an event in Marten: known-from (the header, or the timestamp) and recorded (the timestamp).</summary>
public class MartenKnownFromTests
{
    private static readonly AsOfQuery KnownOnFirstOctober = new(new LocalDate(2024, 11, 5), Instant.FromUtc(2024, 10, 1, 0, 0));

    [Fact]
    public async Task AnImportedTimelineIsKnownFromItsStepsSoTheSeptemberRedirectCountsAsKnownOnFirstOctober()
    {
        await using var own = await OwnSchema.CreateAsync();
        var imported = await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        var memory = new InMemoryBorderSecurityStore(SystemClock.Instance);
        await memory.ImportAsync(ReferenceTimeline2024.Steps);

        var marten = (await own.Model.FundingAsync(KnownOnFirstOctober)).For(ReferenceTimeline2024.BorderSecurityCommand.Name).Totals;

        imported.StepsAlreadyStored.Should().Be(0);
        marten.Redirected.Should().Be(Money.FromMillions(75));
        marten.Should().Be((await memory.FundingAsync(KnownOnFirstOctober)).For(ReferenceTimeline2024.BorderSecurityCommand.Name).Totals);
        (await own.Model.FundingTotalsOfAsync(ReferenceTimeline2024.BorderSecurityCommand, KnownOnFirstOctober)).Should().Be(marten);
        (await own.Model.FundingSeriesOfAsync(ReferenceTimeline2024.BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue, KnownOnFirstOctober.KnownAt)))
            .Should().Equal(await memory.FundingSeriesOfAsync(ReferenceTimeline2024.BorderSecurityCommand, new AsOfQuery(LocalDate.MaxIsoValue, KnownOnFirstOctober.KnownAt)));

        // Every event keeps its step's instant, read back from the log and from the tables alike.
        var events = await own.Model.ReadAllAsync();
        events.Select(e => e.KnownFrom).Should().Equal((await memory.ReadAllAsync()).Select(e => e.KnownFrom));
        events.Should().OnlyContain(e => e.KnownFrom < e.RecordedAt);
        (await own.Model.TimelineAsync(new AsOfQuery(new LocalDate(2030, 1, 1)))).Select(t => t.KnownFrom)
            .Should().Equal(events.OrderBy(e => e.ValidOn).ThenBy(e => e.Sequence).Select(e => e.KnownFrom));
    }

    [Fact]
    public async Task AnAuditQuestionSeesNothingRecordedBeforeTheImportAndEverythingAfter()
    {
        await using var own = await OwnSchema.CreateAsync();
        await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        var events = await own.Model.ReadAllAsync();
        var before = events.Min(e => e.RecordedAt) - Duration.FromTicks(10);
        var after = events.Max(e => e.RecordedAt);
        var asOf = new LocalDate(2030, 1, 1);

        (await own.Model.FundingTotalsAsync(new AsOfQuery(asOf, RecordedBy: before))).Should().Be(FundingTotals.None);
        (await own.Model.TimelineAsync(new AsOfQuery(asOf, RecordedBy: before))).Should().BeEmpty();
        (await own.Model.LegislationAsync(new AsOfQuery(asOf, RecordedBy: before))).Should().BeEmpty();
        (await own.Model.CommandAsync(ReferenceTimeline2024.BorderSecurityCommandId, new AsOfQuery(asOf, RecordedBy: before))).Should().BeNull();
        (await own.Model.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue, RecordedBy: before))).Should().BeEmpty();
        (await own.Model.HeadcountSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue, RecordedBy: before))).Should().BeEmpty();

        var all = new AsOfQuery(asOf);
        var audited = new AsOfQuery(asOf, RecordedBy: after);
        (await own.Model.FundingAsync(audited)).Should().BeEquivalentTo(await own.Model.FundingAsync(all), o => o.Excluding(p => p.Query));
        (await own.Model.RecruitmentAsync(audited)).Should().BeEquivalentTo(await own.Model.RecruitmentAsync(all), o => o.Excluding(p => p.Query));
        (await own.Model.TimelineAsync(audited)).Should().HaveCount(events.Count);
        (await own.Model.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue, RecordedBy: after))).Should().Equal(await own.Model.FundingSeriesAsync(new AsOfQuery(LocalDate.MaxIsoValue)));

        // Known on 1 October and recorded by the end of the import: the redirect counts; recorded before it: nothing does.
        (await own.Model.FundingTotalsOfAsync(ReferenceTimeline2024.BorderSecurityCommand, KnownOnFirstOctober with { RecordedBy = after }))
            .Redirected.Should().Be(Money.FromMillions(75));
        (await own.Model.FundingTotalsAsync(KnownOnFirstOctober with { RecordedBy = before })).Should().Be(FundingTotals.None);
    }

    [Fact]
    public async Task OrdinaryWritesAreKnownFromWhenTheyAreRecordedAndCarryNoHeader()
    {
        await using var own = await OwnSchema.CreateAsync();
        var written = await own.Model.SubmitAsync(Redirect("funding:ordinary", new LocalDate(2024, 3, 1)));

        var read = await own.Model.ReadStreamAsync(new StreamId("funding:ordinary"));

        written.Events.Should().ContainSingle().Which.KnownFrom.Should().Be(written.Events[0].RecordedAt);
        read.Should().BeEquivalentTo(written.Events, o => o.RespectingRuntimeTypes());
        (await own.ScalarAsync<long>($"select count(*) from {own.Schema}.mt_events where headers ? 'known-from'")).Should().Be(0);
        (await own.ScalarAsync<long>($"select count(*) from {own.Schema}.bsd_events where known_from <> recorded_at")).Should().Be(0);
        (await own.ScalarAsync<long>($"select count(*) from {own.Schema}.bsd_statements where known_from <> recorded_at")).Should().Be(0);
        (await own.Model.ReadAllAsync(afterSequence: written.Events[0].Sequence)).Should().BeEmpty();
    }

    [Fact]
    public async Task ARebuildReproducesBothInstantsOfImportedAndOrdinaryEvents()
    {
        await using var own = await OwnSchema.CreateAsync();
        await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        await own.Model.SubmitAsync(Redirect("funding:after-import", new LocalDate(2024, 12, 1)));
        var rows = await own.InstantRowsAsync();
        var answers = await AnswersAsync(own.Model);

        await own.Model.RebuildProjectionsAsync();

        (await own.InstantRowsAsync()).Should().Equal(rows);
        rows.Should().Contain(r => r.KnownFrom < r.RecordedAt).And.Contain(r => r.KnownFrom == r.RecordedAt);
        (await AnswersAsync(own.Model)).Should().Equal(answers);
    }

    [Fact]
    public async Task AnOlderDatabaseIsUpgradedByApplyingTheSchemaThenRebuilding()
    {
        await using var own = await OwnSchema.CreateAsync();
        foreach (var step in ReferenceTimeline2024.Steps)
        {
            await own.Model.SubmitAsync(step.Request);
        }

        var answers = await AnswersAsync(own.Model);
        var events = await own.Model.ReadAllAsync();

        // What an earlier version left: no headers column in mt_events, no known_from columns in the tables.
        await own.ScalarAsync<int>($"alter table {own.Schema}.bsd_events drop column known_from; alter table {own.Schema}.bsd_statements drop column known_from; " +
                                   $"alter table {own.Schema}.mt_events drop column headers; select 1");
        using var upgraded = MartenStoreFactory.Create(own.Schema);
        await upgraded.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(upgraded);
        (await upgraded.Storage.Database.CreateMigrationAsync()).Difference.Should().Be(Weasel.Core.SchemaPatchDifference.None);

        (await model.RebuildProjectionsAsync()).EventsRead.Should().Be(events.Count);

        (await model.ReadAllAsync()).Should().BeEquivalentTo(events, o => o.WithStrictOrdering().RespectingRuntimeTypes());
        (await model.ReadAllAsync()).Should().OnlyContain(e => e.KnownFrom == e.RecordedAt);
        (await AnswersAsync(model)).Should().Equal(answers);
    }

    [Fact]
    public async Task FundingQuestionsAndSeriesOnBothInstantsStayIndexOnly()
    {
        await using var own = await OwnSchema.CreateAsync();
        await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        var events = await own.Model.ReadAllAsync();
        var query = KnownOnFirstOctober with { RecordedBy = events[^1].RecordedAt };
        var sql = new AsOfSql(new BorderSecurityTables(own.Schema), own.Schema);
        var tenant = own.Model.TenantKey;
        var recipient = ReferenceTimeline2024.BorderSecurityCommand.Name;

        foreach (var question in new[]
                 {
                     sql.Figures(tenant, FigureScope.Funding(null), query), sql.Figures(tenant, FigureScope.Funding(recipient), query),
                     sql.FundingTotals(tenant, query, null), sql.FundingTotals(tenant, query, recipient),
                     sql.SeriesStatements(tenant, FigureScope.Funding(null), query.KnownAt, query.RecordedBy),
                     sql.SeriesStatements(tenant, FigureScope.Funding(recipient), query.KnownAt, query.RecordedBy),
                     sql.SeriesStatements(tenant, new FigureScope.OfKind(ProjectionRows.Recruitment), query.KnownAt, query.RecordedBy),
                 })
        {
            var scans = await IndexScansAsync(own.Model, question);
            scans.Should().NotBeEmpty().And.OnlyContain(l => l.Contains("Index Only Scan", StringComparison.Ordinal), question.Text + "\n" + string.Join("\n", scans));
        }
    }

    /// <summary>The scans of the projection tables in a question's plan, with sequential and bitmap scans turned off.</summary>
    internal static async Task<List<string>> IndexScansAsync(MartenBorderSecurityStore model, SqlQuery question)
    {
        await using var connection = await model.OpenConnectionAsync();
        // The tables are tiny here; without this the planner would read them whole, which says nothing about the indexes.
        await using (var noSeqScan = new Npgsql.NpgsqlCommand("set enable_seqscan = off; set enable_bitmapscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync();
        }

        await using var explain = question.On(connection, "explain ");
        var scans = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(0) is var line && line.Contains(" on bsd_", StringComparison.Ordinal) && line.Contains("Scan", StringComparison.Ordinal))
            {
                scans.Add(line.Trim());
            }
        }

        return scans;
    }

    private static RedirectFunding Redirect(string id, LocalDate validOn) => new()
    {
        CommitmentId = new(id),
        Recipient = ReferenceTimeline2024.BorderSecurityCommand,
        Amount = Money.FromMillions(5),
        Basis = FundingBasis.UpTo,
        FromProgramme = "Illegal Migration Act 2023",
        Period = new FundingPeriod("not stated"),
        Purpose = "Technology",
        AnnouncedBy = "Home Secretary",
        ValidOn = validOn,
        Provenance = Provenance.Of(Sources2024.NewFundingForTech),
    };

    private static async Task<List<object>> AnswersAsync(MartenBorderSecurityStore model) =>
    [
        (await model.FundingAsync(KnownOnFirstOctober)).For(ReferenceTimeline2024.BorderSecurityCommand.Name).Totals,
        await model.FundingTotalsAsync(new AsOfQuery(new LocalDate(2030, 1, 1))),
        (await model.RecruitmentAsync(KnownOnFirstOctober)).Target,
        (await model.TimelineAsync(KnownOnFirstOctober)).Count,
        (await model.LegislationAsync(KnownOnFirstOctober)).Count,
    ];

    /// <summary>A Marten store in a schema of its own, dropped on dispose.</summary>
    internal sealed class OwnSchema : IAsyncDisposable
    {
        private OwnSchema(DocumentStore store, string schema)
        {
            Store = store;
            Schema = schema;
            Model = new MartenBorderSecurityStore(store);
        }

        public DocumentStore Store { get; }

        public string Schema { get; }

        public MartenBorderSecurityStore Model { get; }

        public static async Task<OwnSchema> CreateAsync()
        {
            var schema = $"kf_{Guid.NewGuid():N}"[..24];
            var store = MartenStoreFactory.Create(schema);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            return new OwnSchema(store, schema);
        }

        public async Task<T> ScalarAsync<T>(string sql)
        {
            await using var connection = await Model.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return (T)(await command.ExecuteScalarAsync())!;
        }

        /// <summary>Every row's (table, sequence, known-from, recorded) in a fixed order.</summary>
        public async Task<List<(string Table, long Sequence, string Figure, DateTime KnownFrom, DateTime RecordedAt)>> InstantRowsAsync()
        {
            await using var connection = await Model.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                $"""
                select 'events', seq, '', known_from, recorded_at from {Schema}.bsd_events
                union all
                select 'statements', seq, figure || '/' || dimension, known_from, recorded_at from {Schema}.bsd_statements
                order by 1, 2, 3
                """, connection);
            var rows = new List<(string, long, string, DateTime, DateTime)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3), reader.GetDateTime(4)));
            }

            return rows;
        }

        public async ValueTask DisposeAsync()
        {
            await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString))
            {
                await connection.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
                await drop.ExecuteNonQueryAsync();
            }

            Store.Dispose();
        }
    }
}
