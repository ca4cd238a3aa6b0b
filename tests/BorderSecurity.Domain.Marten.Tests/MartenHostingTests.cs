using BorderSecurity.Domain.Telemetry;
using BorderSecurity.Domain.Hosting;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>A host with its own Marten store (Guid streams, its own documents) and the model in a Marten store of its own.</summary>
public class MartenHostingTests
{
    [Fact]
    public async Task UseMartenRunsTheModelInAStoreOfItsOwnBesideTheHostsStoreWhichIsLeftAsItWas()
    {
        var connectionString = PostgresServer.Instance.ConnectionString;
        var ours = $"bs_{Guid.NewGuid():N}"[..24];
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddMarten(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "public";
        }).ApplyAllDatabaseChangesOnStartup();
        var registration = builder.Services.AddBorderSecurity().UseMarten(connectionString, options => options.DatabaseSchemaName = ours);
        builder.Services.AddBorderSecurity(); // registering the model again keeps the Marten store
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            registration.Services.Should().BeSameAs(builder.Services);

            // The host's store: its options as it set them, its own Guid stream and document.
            var hostStore = host.Services.GetRequiredService<IDocumentStore>();
            hostStore.Options.Events.StreamIdentity.Should().Be(StreamIdentity.AsGuid);
            hostStore.Options.DatabaseSchemaName.Should().Be("public");
            hostStore.Options.Events.MetadataConfig.HeadersEnabled.Should().BeFalse();
            ((StoreOptions)hostStore.Options).Storage.ExtendedSchemaObjects.Should().BeEmpty();
            hostStore.Options.Serializer().EnumStorage.Should().Be(new StoreOptions().Serializer().EnumStorage);
            hostStore.Options.Serializer().Casing.Should().Be(new StoreOptions().Serializer().Casing);
            var orderId = Guid.NewGuid();
            var customer = new HostCustomer { Id = Guid.NewGuid(), Name = "Ada" };
            await using (var session = hostStore.LightweightSession())
            {
                session.Events.StartStream<HostOrder>(orderId, new HostOrderPlaced(3), new HostOrderPlaced(4));
                session.Store(customer);
                await session.SaveChangesAsync();
            }

            await using (var query = hostStore.QuerySession())
            {
                (await query.Events.AggregateStreamAsync<HostOrder>(orderId))!.Items.Should().Be(7);
                (await query.LoadAsync<HostCustomer>(customer.Id))!.Name.Should().Be("Ada");
            }

            // The model's store: another store, in its own schema, answering the reference timeline.
            var modelStore = host.Services.GetRequiredService<IBorderSecurityDocumentStore>();
            modelStore.Should().NotBeSameAs(hostStore);
            modelStore.Options.DatabaseSchemaName.Should().Be(ours);
            modelStore.Options.Events.StreamIdentity.Should().Be(StreamIdentity.AsString);
            var store = host.Services.GetRequiredService<IBorderSecurityStore>();
            store.Should().BeOfType<InstrumentedBorderSecurityStore>().Which.Inner.Should().BeSameAs(host.Services.GetRequiredService<MartenBorderSecurityStore>());
            host.Services.GetRequiredService<MartenBorderSecurityStore>().Store.Should().BeSameAs(modelStore);
            host.Services.GetRequiredService<IBorderSecurityStore>().Should().BeSameAs(store);
            await store.ImportAsync(ReferenceTimeline2024.Steps);
            var funding = await store.FundingAsync(new AsOfQuery(new LocalDate(2024, 11, 5), Instant.FromUtc(2024, 10, 1, 0, 0)));
            funding.For(ReferenceTimeline2024.BorderSecurityCommand.Name).Totals.Redirected.Should().Be(Money.FromMillions(75));

            // Neither store sees the other's events.
            (await store.ReadAllAsync()).Should().NotBeEmpty().And.OnlyContain(e => !e.StreamId.Equals(orderId.ToString(), StringComparison.Ordinal));
            await using (var query = hostStore.QuerySession())
            {
                (await query.Events.FetchStreamAsync(orderId)).Should().HaveCount(2);
                (await query.Events.QueryAllRawEvents().Where(e => e.StreamId == orderId).CountAsync()).Should().Be(2);
            }
        }
        finally
        {
            await host.StopAsync();
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {ours} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task UseMartenWithConjoinedTenancyGivesEachTenantItsStoreThroughForTenant()
    {
        var connectionString = PostgresServer.Instance.ConnectionString;
        var ours = $"bt_{Guid.NewGuid():N}"[..24];
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddBorderSecurity().UseMarten(connectionString, options =>
        {
            options.DatabaseSchemaName = ours;
            options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var model = host.Services.GetRequiredService<MartenBorderSecurityStore>();
            host.Services.GetRequiredService<IBorderSecurityStore>().Should().BeOfType<InstrumentedBorderSecurityStore>().Which.Inner.Should().BeSameAs(model);
            model.TenantId.Should().Be(JasperFx.StorageConstants.DefaultTenantId);
            IBorderSecurityStore a = model.ForTenant("a"), b = model.ForTenant("b");

            await a.ImportAsync(ReferenceTimeline2024.Steps);

            (await a.ReadAllAsync()).Should().NotBeEmpty();
            (await b.ReadAllAsync()).Should().BeEmpty();
            (await model.ReadAllAsync()).Should().BeEmpty();
            (await b.FundingTotalsAsync(new AsOfQuery(new LocalDate(2030, 1, 1)))).Should().Be(Projections.FundingTotals.None);
        }
        finally
        {
            await host.StopAsync();
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {ours} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task UseMartenReplacesTheStoreRegisteredBeforeAndChecksImportsAgainstTheContainersClock()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IBorderSecurityStore>(new InMemoryBorderSecurityStore(SystemClock.Instance));
        var now = Instant.FromUtc(2024, 8, 1, 0, 0);
        services.AddSingleton<IClock>(new SteppingClock(now));

        new BorderSecurityBuilder(services).UseMarten("Host=127.0.0.1;Port=1;Database=unused");

        services.Where(d => d.ServiceType == typeof(IBorderSecurityStore)).Should().ContainSingle()
            .Which.Lifetime.Should().Be(ServiceLifetime.Singleton);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IBorderSecurityStore>();
        var marten = store.Should().BeOfType<InstrumentedBorderSecurityStore>().Which.Inner.Should().BeOfType<MartenBorderSecurityStore>().Subject;
        marten.Store.Options.DatabaseSchemaName.Should().Be(BorderSecurityMartenBuilderExtensions.DefaultSchema).And.Be("border_security");

        // Rejected on the container's clock before the database is asked anything (there is none at that address).
        var late = () => store.ImportAsync([ReferenceTimeline2024.Steps.First(s => s.KnownFrom > now)]);
        (await late.Should().ThrowAsync<TimelineImportException>()).Which.Step.Should().Be(0);

        var noConnection = () => new BorderSecurityBuilder(services).UseMarten(" ");
        noConnection.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task UseMartenWorksInAPlainServiceCollectionWithoutLoggingRegistered()
    {
        var services = new ServiceCollection();
        var schema = $"bs_{Guid.NewGuid():N}"[..24];
        services.AddBorderSecurity().UseMarten(PostgresServer.Instance.ConnectionString, options => options.DatabaseSchemaName = schema);
        await using var provider = services.BuildServiceProvider();
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None); // applies the schema, as a host would on start
        }

        var store = provider.GetRequiredService<IBorderSecurityStore>();
        var imported = await store.ImportAsync(ReferenceTimeline2024.Steps);

        imported.EventsStored.Should().BeGreaterThan(0);
        (await store.FundingTotalsOfAsync(new Organisation("Border Security Command"), new AsOfQuery(new LocalDate(2024, 11, 5)))).Total
            .Should().Be(Money.FromMillions(150));
    }

    [Fact]
    public async Task UseMartenOnAPlainServiceCollectionMakesTheSchemaReadyOnFirstUseWithoutHostedServices()
    {
        var services = new ServiceCollection();
        var schema = $"bp_{Guid.NewGuid():N}"[..24];
        services.AddBorderSecurity().UseMarten(PostgresServer.Instance.ConnectionString, options => options.DatabaseSchemaName = schema);
        await using var provider = services.BuildServiceProvider();
        try
        {
            // No hosted service is started: the store applies its schema before its first command, once, even when
            // several first commands arrive together.
            var store = provider.GetRequiredService<IBorderSecurityStore>();
            var asOf = new AsOfQuery(new LocalDate(2024, 11, 5));
            var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.FundingTotalsOfAsync(new Organisation("Border Security Command"), asOf)));
            first.Should().OnlyContain(t => t == Projections.FundingTotals.None);

            var imported = await store.ImportAsync(ReferenceTimeline2024.Steps);

            imported.EventsStored.Should().BeGreaterThan(0);
            (await store.FundingTotalsOfAsync(new Organisation("Border Security Command"), asOf)).Total.Should().Be(Money.FromMillions(150));
        }
        finally
        {
            await DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task WithAutoCreateNoneAMissingSchemaIsReportedWithWhatToRunInsteadOfCreated()
    {
        var services = new ServiceCollection();
        var schema = $"bn_{Guid.NewGuid():N}"[..24];
        services.AddBorderSecurity().UseMarten(PostgresServer.Instance.ConnectionString, options =>
        {
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        await using var provider = services.BuildServiceProvider();
        try
        {
            var store = provider.GetRequiredService<IBorderSecurityStore>();

            var ask = () => store.FundingTotalsOfAsync(new Organisation("Border Security Command"), new AsOfQuery(new LocalDate(2024, 11, 5)));

            (await ask.Should().ThrowAsync<InvalidOperationException>())
                .WithMessage($"*{schema}.bsd_idempotency*AutoCreateSchemaObjects is None*ApplyAllDatabaseChangesOnStartup*ApplyAllConfiguredChangesToDatabaseAsync*");

            // Once applied outside the application, the same store answers: a refusal is not remembered.
            await provider.GetRequiredService<IBorderSecurityDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.All);
            (await ask()).Should().Be(Projections.FundingTotals.None);
        }
        finally
        {
            await DropSchemaAsync(schema);
        }
    }

    private static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A host's own aggregate, on Guid streams.</summary>
public sealed class HostOrder
{
    public Guid Id { get; set; }

    public int Items { get; set; }

    public void Apply(HostOrderPlaced placed) => Items += placed.Items;
}

/// <summary>A host's own event.</summary>
public sealed record HostOrderPlaced(int Items);

/// <summary>A host's own document.</summary>
public sealed class HostCustomer
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";
}
