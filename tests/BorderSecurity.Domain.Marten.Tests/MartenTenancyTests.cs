using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// Under Marten multi-tenancy (conjoined, and a database per tenant) every write and question is scoped to the
/// tenant: two tenants never see each other's figures, streams or idempotency keys, and a rebuild keeps both.
/// </summary>
public class MartenTenancyTests
{
    private const string OtherRecipient = "Tenant B Coastguard";

    private static readonly AsOfQuery Everything = new(new LocalDate(2030, 1, 1));

    [Fact]
    public async Task ConjoinedTenantsNeverSeeEachOthersFiguresStreamsOrIdempotencyKeys()
    {
        var schema = $"ten_{Guid.NewGuid():N}"[..24];
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AddBorderSecurity();
        });
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var root = new MartenBorderSecurityStore(store);
            var (a, b) = (root.ForTenant("a"), root.ForTenant("b"));
            root.ForTenant("a").Should().BeSameAs(a);
            a.TenantId.Should().Be("a");

            await TwoTenantsAsync(a, b, async () =>
            {
                // The tenants share the tables, so one rebuild (from either tenant's store) rebuilds both.
                await a.RebuildProjectionsAsync();
            });

            // The default tenant is a tenant like any other: it has nothing.
            (await root.ReadAllAsync()).Should().BeEmpty();
            (await root.ReadStreamAsync(ReferenceTimeline2024.NovemberBudgetId)).Should().BeEmpty();
            (await root.FundingTotalsAsync(Everything)).Should().Be(FundingTotals.None);
            (await root.TimelineAsync(Everything)).Should().BeEmpty();
        }
        finally
        {
            await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task TenantsWithADatabaseEachNeverSeeEachOthersFiguresStreamsOrIdempotencyKeys()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var databases = new[] { $"bsd_a_{suffix}", $"bsd_b_{suffix}" };
        foreach (var database in databases)
        {
            await ExecuteAsync($"create database {database}");
        }

        try
        {
            using (var store = DocumentStore.For(options =>
                   {
                       options.MultiTenantedDatabases(tenancy =>
                       {
                           tenancy.AddSingleTenantDatabase(ConnectionTo(databases[0]), "a");
                           tenancy.AddSingleTenantDatabase(ConnectionTo(databases[1]), "b");
                       });
                       options.DatabaseSchemaName = "bsd_tenancy";
                       options.AutoCreateSchemaObjects = AutoCreate.All;
                       options.AddBorderSecurity();
                   }))
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                var a = new MartenBorderSecurityStore(store, tenantId: "a");
                var b = a.ForTenant("b");

                await TwoTenantsAsync(a, b, async () =>
                {
                    // Each tenant's tables are in its own database: rebuild each.
                    await a.RebuildProjectionsAsync();
                    await b.RebuildProjectionsAsync();
                });

                // Nothing of either tenant reached the other's database.
                await using var connection = await b.OpenConnectionAsync();
                await using var count = new NpgsqlCommand("select count(*) from bsd_tenancy.bsd_events", connection);
                ((long)(await count.ExecuteScalarAsync())!).Should().Be((await b.ReadAllAsync()).Count);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in databases)
            {
                await ExecuteAsync($"drop database if exists {database} with (force)");
            }
        }
    }

    [Fact]
    public async Task TenantsOnOneServerEachWithADatabaseMartenCreatesNeverSeeEachOthersFigures()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (tenantA, tenantB) = ($"ssa_{suffix}", $"ssb_{suffix}");
        try
        {
            using (var store = DocumentStore.For(options =>
                   {
                       // Marten creates each tenant's database on this server on first use.
                       options.MultiTenantedWithSingleServer(PostgresServer.Instance.ConnectionString, tenancy => tenancy.WithTenants(tenantA, tenantB));
                       options.DatabaseSchemaName = "bsd_single_server";
                       options.AutoCreateSchemaObjects = AutoCreate.All;
                       options.AddBorderSecurity();
                   }))
            {
                var a = new MartenBorderSecurityStore(store, tenantId: tenantA);
                var b = a.ForTenant(tenantB);
                foreach (var database in await store.Storage.AllDatabases())
                {
                    await database.ApplyAllConfiguredChangesToDatabaseAsync();
                }

                await TwoTenantsAsync(a, b, async () =>
                {
                    await a.RebuildProjectionsAsync();
                    await b.RebuildProjectionsAsync();
                });
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"drop database if exists {tenantA} with (force)");
            await ExecuteAsync($"drop database if exists {tenantB} with (force)");
        }
    }

    [Fact]
    public async Task TenantsSharingADatabaseWithoutConjoinedEventsAreRefusedRatherThanSharingStreams()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var shared = $"ssd_{suffix}";
        try
        {
            using (var store = DocumentStore.For(options =>
                   {
                       options.MultiTenantedWithSingleServer(PostgresServer.Instance.ConnectionString,
                           tenancy => tenancy.WithTenants("c", "d").InDatabaseNamed(shared));
                       options.DatabaseSchemaName = "bsd_shared_db";
                       options.AutoCreateSchemaObjects = AutoCreate.All;
                       options.AddBorderSecurity();
                   }))
            {
                foreach (var database in await store.Storage.AllDatabases())
                {
                    await database.ApplyAllConfiguredChangesToDatabaseAsync();
                }

                var c = new MartenBorderSecurityStore(store, tenantId: "c");
                (await c.ReadAllAsync()).Should().BeEmpty("the first tenant to use the database has it to itself");
                var d = c.ForTenant("d");
                var write = () => d.ImportAsync(ReferenceTimeline2024.Steps.Take(1));
                (await write.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*'d' shares its database with 'c'*Conjoined*");
                var read = () => d.FundingTotalsAsync(Everything);
                await read.Should().ThrowAsync<InvalidOperationException>();
                (await c.ReadAllAsync()).Should().BeEmpty("the refused tenant stored nothing");
                (await new MartenBorderSecurityStore(store, tenantId: "c").ReadAllAsync()).Should().BeEmpty("a refused tenant never locks out the database's owner");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"drop database if exists {shared} with (force)");
        }
    }

    [Fact]
    public void ATenantOfAStoreWithoutMultiTenancyIsRefusedRatherThanSharingItsStreams()
    {
        using var store = MartenStoreFactory.Create("ten_none");
        var model = new MartenBorderSecurityStore(store);

        FluentActions.Invoking(() => model.ForTenant("a")).Should().Throw<InvalidOperationException>().WithMessage("*multi-tenancy*");
        FluentActions.Invoking(() => new MartenBorderSecurityStore(store, tenantId: "a")).Should().Throw<InvalidOperationException>();
        model.ForTenant(StorageConstants.DefaultTenantId).Should().BeSameAs(model);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTenancyIsUpgradedByApplyingTheSchemaThenRebuilding()
    {
        await using var own = await MartenKnownFromTests.OwnSchema.CreateAsync();
        await own.Model.ImportAsync(ReferenceTimeline2024.Steps);
        var redirect = new RedirectFunding
        {
            CommitmentId = new("funding:before-tenancy"),
            Recipient = new(OtherRecipient),
            Amount = Money.FromMillions(2),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Old programme",
            Period = new FundingPeriod("not stated"),
            Purpose = "Radar",
            AnnouncedBy = "Minister",
            ValidOn = new LocalDate(2025, 2, 1),
            Provenance = Provenance.Of(Sources2024.NewFundingForTech),
        };
        await own.Model.SubmitAsync(redirect, idempotencyKey: "before-tenancy");
        var events = await own.Model.ReadAllAsync();
        var funding = await own.Model.FundingAsync(Everything);
        var timeline = await own.Model.TimelineAsync(Everything);

        // What the version before tenancy left: no tenant column, keys without it (its indexes go with the column).
        var old = new[] { ("bsd_events", "seq"), ("bsd_statements", "seq, figure, dimension"), ("bsd_idempotency", "key"),
            ("bsd_provenances", "hash"), ("bsd_commitment_recipients", "recipient, stream_id") };
        await own.ScalarAsync<int>(string.Concat(old.Select(t =>
            $"alter table {own.Schema}.{t.Item1} drop column tenant_id; alter table {own.Schema}.{t.Item1} add primary key ({t.Item2}); ")) + "select 1");
        using var upgraded = MartenStoreFactory.Create(own.Schema);
        await upgraded.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        (await upgraded.Storage.Database.CreateMigrationAsync()).Difference.Should().Be(Weasel.Core.SchemaPatchDifference.None);
        var model = new MartenBorderSecurityStore(upgraded);

        (await model.RebuildProjectionsAsync()).EventsRead.Should().Be(events.Count);

        (await model.FundingAsync(Everything)).Should().BeEquivalentTo(funding, o => o.WithStrictOrdering());
        (await model.TimelineAsync(Everything)).Should().BeEquivalentTo(timeline, o => o.WithStrictOrdering());
        // The idempotency rows kept their keys and took the default tenant.
        (await model.SubmitAsync(redirect, idempotencyKey: "before-tenancy")).AlreadyRecorded.Should().BeTrue();
        (await model.SubmitAsync(ReferenceTimeline2024.Steps[0].Request, idempotencyKey: IdempotencyKeys.For(ReferenceTimeline2024.Steps[0].Request)))
            .AlreadyRecorded.Should().BeTrue();
    }

    /// <summary>
    /// Tenant a imports the 2024 timeline; tenant b pledges on one of a's stream ids with one of a's idempotency keys,
    /// and redirects on another of a's stream ids at expected version 0. Each tenant then answers from its own log only,
    /// before and after <paramref name="rebuild"/>.
    /// </summary>
    private static async Task TwoTenantsAsync(MartenBorderSecurityStore a, MartenBorderSecurityStore b, Func<Task> rebuild)
    {
        var imported = await a.ImportAsync(ReferenceTimeline2024.Steps);
        var step = ReferenceTimeline2024.Steps.First(s => s.Request.StreamId == ReferenceTimeline2024.NovemberBudgetId);
        var key = IdempotencyKeys.For(step.Request);
        var pledge = new PledgeFunding
        {
            CommitmentId = ReferenceTimeline2024.NovemberBudgetId,
            Recipient = new(OtherRecipient),
            Amount = Money.FromMillions(3),
            Basis = FundingBasis.Firm,
            OriginName = "Tenant B fund",
            Period = new FundingPeriod("2025-26"),
            Purpose = "Patrol boats",
            AnnouncedBy = "Tenant B minister",
            ValidOn = new LocalDate(2025, 1, 10),
            Provenance = Provenance.Of(Sources2024.NewFundingForTech),
        };
        var redirect = new RedirectFunding
        {
            CommitmentId = ReferenceTimeline2024.SeptemberRedirectId,
            Recipient = new(OtherRecipient),
            Amount = Money.FromMillions(2),
            Basis = FundingBasis.UpTo,
            FromProgramme = "Old programme",
            Period = new FundingPeriod("not stated"),
            Purpose = "Radar",
            AnnouncedBy = "Tenant B minister",
            ValidOn = new LocalDate(2025, 2, 1),
            Provenance = Provenance.Of(Sources2024.NewFundingForTech),
        };

        // The same key in b stores b's request: a's use of it is not b's.
        var pledged = await b.SubmitAsync(pledge, expectedVersion: 0, idempotencyKey: key);
        pledged.AlreadyRecorded.Should().BeFalse();
        pledged.Events.Should().ContainSingle().Which.Data.Should().BeOfType<FundingPledged>().Which.Recipient.Should().Be(OtherRecipient);
        var again = await b.SubmitAsync(pledge, idempotencyKey: key);
        again.AlreadyRecorded.Should().BeTrue();
        again.Events.Should().BeEquivalentTo(pledged.Events, o => o.RespectingRuntimeTypes());
        var inA = await a.SubmitAsync(step.Request, idempotencyKey: key);
        inA.AlreadyRecorded.Should().BeTrue();
        inA.Events.Should().NotBeEmpty().And.OnlyContain(e => e.StreamId == ReferenceTimeline2024.NovemberBudgetId.Value && !e.Data.Equals(pledged.Events[0].Data));

        // Expected versions are per tenant: a stream a has written is new in b, and b's writes do not move a's versions.
        var redirected = await b.SubmitAsync(redirect, expectedVersion: 0);
        redirected.Events.Should().ContainSingle().Which.Version.Should().Be(1);
        var aVersion = (await a.ReadStreamAsync(ReferenceTimeline2024.NovemberBudgetId))[^1].Version;
        await FluentActions.Awaiting(() => a.SubmitAsync(pledge, expectedVersion: 0)).Should().ThrowAsync<StreamConcurrencyException>();
        await FluentActions.Awaiting(() => b.SubmitAsync(pledge, expectedVersion: aVersion == 1 ? 2 : aVersion)).Should().ThrowAsync<StreamConcurrencyException>();

        var memoryA = new InMemoryBorderSecurityStore(SystemClock.Instance);
        await memoryA.ImportAsync(ReferenceTimeline2024.Steps);
        var bEvents = pledged.Events.Concat(redirected.Events).ToList();

        for (var round = 0; round < 2; round++)
        {
            var because = round == 0 ? "before the rebuild" : "after the rebuild";
            var eventsA = await a.ReadAllAsync();
            var eventsB = await b.ReadAllAsync();
            eventsA.Should().HaveCount(imported.EventsStored, because);
            eventsA.Select(e => e.Data).Should().Equal((await memoryA.ReadAllAsync()).Select(e => e.Data), because);
            eventsB.Should().BeEquivalentTo(bEvents, o => o.WithStrictOrdering().RespectingRuntimeTypes(), because);
            (await b.ReadStreamAsync(ReferenceTimeline2024.NovemberBudgetId)).Should().BeEquivalentTo(pledged.Events, o => o.RespectingRuntimeTypes(), because);
            (await a.ReadStreamAsync(ReferenceTimeline2024.NovemberBudgetId)).Select(e => e.Data)
                .Should().Equal((await memoryA.ReadStreamAsync(ReferenceTimeline2024.NovemberBudgetId)).Select(e => e.Data), because);
            (await b.ReadStreamAsync(ReferenceTimeline2024.CommanderId)).Should().BeEmpty(because);

            // Figures: each tenant's answers are its own log's, and a's are the timeline's alone.
            (await a.FundingTotalsAsync(Everything)).Should().Be(await memoryA.FundingTotalsAsync(Everything), because);
            (await b.FundingTotalsAsync(Everything)).Total.Should().Be(Money.FromMillions(5), because);
            (await b.FundingTotalsOfAsync(ReferenceTimeline2024.BorderSecurityCommand, Everything)).Should().Be(FundingTotals.None, because);
            (await a.FundingTotalsOfAsync(new Organisation(OtherRecipient), Everything)).Should().Be(FundingTotals.None, because);
            (await b.FundingAsync(Everything)).Commitments.Should().OnlyContain(c => c.Recipient == OtherRecipient, because);
            (await b.RecruitmentAsync(Everything)).Target.Should().Be(0, because);
            (await b.LegislationAsync(Everything)).Should().BeEmpty(because);
            (await b.TimelineAsync(Everything)).Select(t => t.Sequence).Should().Equal(bEvents.Select(e => e.Sequence), because);
            (await a.TimelineAsync(Everything)).Should().HaveCount(eventsA.Count, because);
            foreach (var (model, events) in new[] { (a, eventsA), (b, eventsB) })
            {
                var memory = InMemoryBorderSecurityStore.Over(events);
                foreach (var query in new[] { Everything, new AsOfQuery(new LocalDate(2024, 11, 5)), new AsOfQuery(new LocalDate(2025, 1, 31)) })
                {
                    await MartenEquivalenceTests.AssertSameAnswersAsync(model, memory, query, $"tenant {model.TenantId}, {query}, {because}");
                    (await model.TimelineAsync(query)).Should().BeEquivalentTo((await memory.TimelineAsync(query)), o => o.WithStrictOrdering(), because);
                }
            }

            if (round == 0)
            {
                await rebuild();
            }
        }
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.Instance.ConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
