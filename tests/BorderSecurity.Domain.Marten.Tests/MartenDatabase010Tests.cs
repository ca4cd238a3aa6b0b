using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using JasperFx;
using Marten;
using Npgsql;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// Stored history keeps reading: a database that 0.1.0 wrote (Legacy/database-0.1.0.sql, the 2024 reference timeline as that
/// version imported it) is restored as it was, then read, asked, imported into and rebuilt by today's store.
/// </summary>
public class MartenDatabase010Tests
{
    private static readonly AsOfQuery[] Questions =
    [
        new(new LocalDate(2024, 9, 30)),
        new(new LocalDate(2024, 11, 5)),
        new(new LocalDate(2025, 12, 31)),
    ];

    [Fact]
    public async Task ADatabaseWrittenBy010IsReadAskedImportedIntoAndRebuilt()
    {
        var database = $"v010_{Guid.NewGuid():N}"[..24];
        var connectionString = await RestoreAsync(database);
        try
        {
            using var documents = DocumentStore.For(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "border_security";
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.AddBorderSecurity();
            });
            var model = new MartenBorderSecurityStore(documents);

            // Read: every event 0.1.0 stored comes back, in order, each a known event type.
            var stored = await model.ReadAllAsync();
            stored.Should().HaveCount(25, "0.1.0 stored 25 events for its reference timeline");
            stored.Select(e => e.Sequence).Should().BeInAscendingOrder();
            stored.Should().OnlyContain(e => e.Data != null);

            // Asked: the old tables answer what a fold of the same events answers.
            var memory = InMemoryBorderSecurityStore.Over(stored);
            foreach (var question in Questions)
            {
                await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, question, "asked of the tables 0.1.0 wrote");
            }

            // Imported into: today's reference timeline recognises each step 0.1.0 imported (same idempotency keys), adds the
            // steps written since, and then answers exactly what a fresh store given today's timeline answers.
            var result = await model.ImportAsync(ReferenceTimeline2024.Steps);
            result.StepsAlreadyStored.Should().BeGreaterThan(0, "the steps 0.1.0 imported are recognised, not stored twice");
            (await model.ReadAllAsync()).Should().HaveCount(25 + result.EventsStored);
            var fresh = new InMemoryBorderSecurityStore(SystemClock.Instance);
            await fresh.ImportAsync(ReferenceTimeline2024.Steps);
            (await fresh.ReadAllAsync()).Should().HaveCount(25 + result.EventsStored, "nothing was stored twice");
            var after = InMemoryBorderSecurityStore.Over(await model.ReadAllAsync());
            foreach (var question in Questions)
            {
                await MartenEquivalenceTests.AssertSameAnswersAsync(model, after, question, "the 0.1.0 database after today's timeline was imported into it");
                await AssertSameFiguresAsync(model, fresh, question);
            }

            // Rebuilt: a rebuild writes the same rows and the same answers, each event under today's wire name (an event stored
            // under an old one, such as recruitment.target-set.v1, is read in today's shape and named as such).
            var rows = (await MartenTableModelTests.RowsAsync(model, "border_security"))
                .Select(row => EventCatalogue.LegacyShapes.Aggregate(row, (r, shape) =>
                    r.Replace($",{shape.WireName},", $",{EventCatalogue.NameOf(shape.CurrentType)},", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal).ToList();
            // The kept totals are the exception: 0.1.0 kept none, so before the rebuild they hold only today's events (and
            // the totals are summed from the statements); the rebuild counts every event and the kept sums answer from then on.
            (await model.FundingTotalsKeptAsync()).Should().BeFalse("the 0.1.0 database held funding events before the kept totals");
            await model.RebuildProjectionsAsync();
            (await model.FundingTotalsKeptAsync()).Should().BeTrue();
            (await MartenTableModelTests.RowsAsync(model, "border_security")).Where(row => !row.StartsWith("t ", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Should().Equal(rows.Where(row => !row.StartsWith("t ", StringComparison.Ordinal)), "a rebuild of a 0.1.0 database writes what its inline projection wrote");
            foreach (var question in Questions)
            {
                await MartenEquivalenceTests.AssertSameAnswersAsync(model, after, question, "the 0.1.0 database rebuilt");
                await AssertSameFiguresAsync(model, fresh, question);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Every figure (money, people, bills, disputes) equals a fresh store's that was given today's timeline; only the recorded
    /// instants of the timeline's entries differ (0.1.0 recorded its steps when it imported them).
    /// </summary>
    private static async Task AssertSameFiguresAsync(IBorderSecurityQueries old, IBorderSecurityQueries fresh, AsOfQuery question)
    {
        const string because = "a 0.1.0 database given today's timeline answers what a fresh store given it answers";
        (await old.FundingAsync(question)).Should().BeEquivalentTo(await fresh.FundingAsync(question), o => o.WithStrictOrdering(), because);
        (await old.FundingTotalsAsync(question)).Should().BeEquivalentTo(await fresh.FundingTotalsAsync(question), o => o.WithStrictOrdering(), because);
        (await old.RecruitmentAsync(question)).Should().BeEquivalentTo(await fresh.RecruitmentAsync(question), o => o.WithStrictOrdering(), because);
        (await old.LegislationAsync(question)).Should().BeEquivalentTo(await fresh.LegislationAsync(question), o => o.WithStrictOrdering(), because);
        (await old.DisputesAsync(question)).Should().BeEquivalentTo(await fresh.DisputesAsync(question), o => o.WithStrictOrdering(), because);
        (await old.FundingSeriesAsync(question)).Should().BeEquivalentTo(await fresh.FundingSeriesAsync(question), o => o.WithStrictOrdering(), because);
    }

    /// <summary>Creates <paramref name="database"/> and runs the checked-in dump in it, as 0.1.0 left it.</summary>
    private static async Task<string> RestoreAsync(string database)
    {
        await using (var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = database }.ConnectionString;
        using var resource = typeof(MartenDatabase010Tests).Assembly.GetManifestResourceStream("MartenLegacy.database-0.1.0.sql")
            ?? throw new InvalidOperationException("Legacy/database-0.1.0.sql is not embedded.");
        using var reader = new StreamReader(resource);
        var dump = await reader.ReadToEndAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var restore = new NpgsqlCommand(dump, connection);
            await restore.ExecuteNonQueryAsync();
        }

        return connectionString;
    }
}
