using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Testing;
using Weasel.Core;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// The table model (each table defined once, its DDL, insert and COPY column lists derived from it) describes exactly the
/// tables 0.2.0 created: the same DDL, so a database written by 0.2.0 needs no migration, and is written, asked and rebuilt.
/// </summary>
public class MartenTableModelTests
{
    /// <summary>The DDL of every table as 0.2.0 wrote it (in schema <c>border_security</c>), checked in from that version.</summary>
    private static string Ddl020()
    {
        using var stream = typeof(MartenTableModelTests).Assembly.GetManifestResourceStream("MartenLegacy.tables-0.2.0.sql")
            ?? throw new InvalidOperationException("Legacy/tables-0.2.0.sql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void TheTableModelWritesTheDdlOf020ColumnForColumnAndIndexForIndex()
    {
        var writer = new StringWriter();
        foreach (var table in new BorderSecurityTables("border_security").All)
        {
            table.WriteCreateStatement(new Weasel.Postgresql.PostgresqlMigrator(), writer);
            writer.WriteLine();
        }

        // Since 0.2.0, one index more: the known-from index a change question reads (issue 22), and two tables more at the
        // end: the kept funding totals and the tenants they count every event of (issue 24). Marten's schema migration adds
        // them to a 0.2.0 database; nothing else differs.
        var knownIndex = "CREATE INDEX ix_bsd_events_known ON border_security.bsd_events USING btree (tenant_id, known_from, seq) INCLUDE (stream_id, aggregate, event_type, valid_on, recorded_at, provenance_hash);";
        var stream = "INCLUDE (aggregate, known_from, recorded_at, provenance_hash);";
        var ddl = writer.ToString().ReplaceLineEndings();
        var totals = ddl.IndexOf("CREATE TABLE IF NOT EXISTS border_security.bsd_funding_totals (", StringComparison.Ordinal);
        totals.Should().BePositive("the kept totals' tables come after the 0.2.0 tables");
        ddl[..totals].Should().Be(Ddl020().ReplaceLineEndings().Replace(stream + Environment.NewLine, stream + Environment.NewLine + Environment.NewLine + knownIndex + Environment.NewLine));
        ddl[totals..].Should().Contain("CREATE TABLE IF NOT EXISTS border_security.bsd_funding_totals_kept (")
            .And.Contain("CONSTRAINT pkey_bsd_funding_totals PRIMARY KEY (tenant_id, scope, known_span, span, valid_from, known_from, origin, basis, coverage, first_year, last_year)")
            .And.Contain("CREATE INDEX ix_bsd_funding_totals_known ON border_security.bsd_funding_totals USING btree (tenant_id, scope, known_span, span, known_from, valid_from) INCLUDE (amount, allocated) WHERE")
            .And.Contain("CREATE INDEX ix_bsd_funding_totals_instant ON border_security.bsd_funding_totals USING btree (tenant_id, known_from) INCLUDE (scope, valid_from, origin, basis, coverage, first_year, last_year, amount, allocated) WHERE");
    }

    [Fact]
    public void InsertsAndCopiesNameEveryColumnOfTheirTableInTheOrderOfItsDdl()
    {
        var tables = new BorderSecurityTables("s");
        tables.Events.InsertOrSkipSql.Should().Be(
            "insert into s.bsd_events (tenant_id, seq, stream_id, aggregate, event_type, valid_on, known_from, recorded_at, provenance_hash) " +
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, seq) do nothing");
        tables.Statements.CopySql.Should().Be(
            "copy s.bsd_statements (tenant_id, seq, figure, dimension, stream_id, aggregate, valid_on, known_from, recorded_at, value, detail) " +
            "from stdin (format binary, freeze)");
        tables.Provenances.UnnestInsertSql.Should().Be(
            "insert into s.bsd_provenances (tenant_id, hash, provenance) select * from unnest(@tenant_id, @hash, @provenance::jsonb[]) " +
            "on conflict (tenant_id, hash) do nothing");
        tables.Idempotency.InsertSql.Should().Be(
            "insert into s.bsd_idempotency (tenant_id, key, stream_id, from_version, to_version, fingerprint) values (?, ?, ?, ?, ?, ?)");
        foreach (var table in tables.All.OfType<Weasel.Postgresql.Tables.Table>())
        {
            var columns = string.Join(", ", table.Columns.Select(c => c.Name));
            new[] { tables.Events.ColumnList, tables.Statements.ColumnList, tables.Provenances.ColumnList, tables.Recipients.ColumnList,
                tables.Idempotency.ColumnList, tables.DatabaseTenants.ColumnList, tables.FundingTotals.ColumnList, tables.TotalsKept.ColumnList }.Should().Contain(columns, $"{table.Identifier} is one of the model's tables");
        }
    }

    [Fact]
    public async Task ADatabaseWhoseTablesThe020DdlCreatedNeedsNoMigrationAndIsWrittenAskedAndRebuilt()
    {
        var schema = $"v020_{Guid.NewGuid():N}"[..24];
        await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"create schema {schema}; " + Ddl020().Replace("border_security.", schema + ".", StringComparison.Ordinal),
                connection);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            using var store = MartenStoreFactory.Create(schema);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var migration = await store.Storage.Database.CreateMigrationAsync();
            migration.Difference.Should().Be(SchemaPatchDifference.None);

            var model = new MartenBorderSecurityStore(store);
            await model.ImportAsync(ReferenceTimeline2024.Steps);
            var memory = InMemoryBorderSecurityStore.Over(await model.ReadAllAsync());
            var asked = new AsOfQuery(new LocalDate(2024, 11, 5));
            await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, asked, "written into the 0.2.0 tables");
            var rows = await RowsAsync(model, schema);

            await model.RebuildProjectionsAsync();

            (await RowsAsync(model, schema)).Should().Equal(rows, "a rebuild writes what the inline projection wrote");
            await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, asked, "rebuilt into the 0.2.0 tables");
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every row of the model's tables in <paramref name="schema"/>, as text, in one order: to compare a rebuild with what was there.</summary>
    internal static async Task<List<string>> RowsAsync(MartenBorderSecurityStore model, string schema)
    {
        await using var connection = await model.OpenConnectionAsync();
        await using var select = new Npgsql.NpgsqlCommand(
            $"""
            select 'e ' || t::text from {schema}.bsd_events t union all select 's ' || t::text from {schema}.bsd_statements t
            union all select 'p ' || t::text from {schema}.bsd_provenances t union all select 'r ' || t::text from {schema}.bsd_commitment_recipients t
            union all select 't ' || (t.tenant_id, t.scope, t.span, t.valid_from, t.origin, t.basis, t.coverage, t.first_year, t.last_year,
                trim_scale(t.amount), trim_scale(t.allocated))::text from {schema}.bsd_funding_totals t where t.amount <> 0 or t.allocated <> 0
            order by 1
            """, connection);
        var rows = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
