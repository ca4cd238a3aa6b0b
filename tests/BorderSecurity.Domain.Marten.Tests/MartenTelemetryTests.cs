using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenTelemetryTests
{
    private static readonly AsOfQuery Now = new(new LocalDate(2024, 11, 5));

    [Fact]
    public async Task AWriteAnImportAndAQuestionOnMartenAreSeenTaggedWithTheMartenStore()
    {
        using var telemetry = new TelemetryRecorder(Name, BorderSecurityMartenTelemetry.Name);
        var schema = $"bo_{Guid.NewGuid():N}"[..24];
        var services = new ServiceCollection();
        services.AddBorderSecurity().UseMarten(PostgresServer.Instance.ConnectionString, options => options.DatabaseSchemaName = schema);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var store = provider.GetRequiredService<IBorderSecurityStore>();
            using var scope = TelemetryRecorder.Scope();

            var imported = await store.ImportAsync(ReferenceTimeline2024.Steps);
            await store.SubmitAsync(HistoryGenerator.Generate(seed: 7, requests: 1).Requests[0]);
            await store.FundingTotalsOfAsync(new Organisation("Border Security Command"), Now);

            var seen = telemetry.Under(scope);
            seen.Select(a => a.OperationName).Should().Equal(ImportActivity, SubmitActivity, QuestionActivity);
            seen.Should().OnlyContain(a => (string?)a.GetTagItem(StoreTag) == BorderSecurityMartenTelemetry.MartenStore && (string?)a.GetTagItem(OutcomeTag) == Ok);
            seen[0].GetTagItem(EventsAppended).Should().Be(imported.EventsStored);
            seen[1].GetTagItem(RequestTag).Should().Be(HistoryGenerator.Generate(seed: 7, requests: 1).Requests[0].GetType().Name);
            seen[2].GetTagItem(QuestionTag).Should().Be("FundingTotalsOf");

            telemetry.Of(ImportDuration).Should().Contain(m => m.Has(StoreTag, "marten", OutcomeTag, Ok));
            telemetry.Of(SubmitDuration).Should().Contain(m => m.Has(StoreTag, "marten", OutcomeTag, Ok));
            telemetry.Of(QuestionDuration).Should().Contain(m => m.Has(StoreTag, "marten", QuestionTag, "FundingTotalsOf", OutcomeTag, Ok));
            telemetry.Of(EventsAppended).Should().Contain(m => m.Value == imported.EventsStored && m.Has(StoreTag, "marten", OperationTag, "import"));
        }
        finally
        {
            await DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task ARebuildIsSeenWithTheEventsItRead()
    {
        using var telemetry = new TelemetryRecorder(BorderSecurityMartenTelemetry.Name);
        var factory = new MartenStoreFactory();
        await factory.InitializeAsync();
        try
        {
            await factory.Model.ImportAsync(ReferenceTimeline2024.Steps);
            using var scope = TelemetryRecorder.Scope();

            var done = await factory.Model.RebuildProjectionsAsync();

            var rebuild = telemetry.Under(scope).Should().ContainSingle().Subject;
            rebuild.Source.Name.Should().Be(BorderSecurityMartenTelemetry.Name);
            rebuild.OperationName.Should().Be(BorderSecurityMartenTelemetry.RebuildActivity);
            rebuild.GetTagItem(OutcomeTag).Should().Be(Ok);
            rebuild.GetTagItem(BorderSecurityMartenTelemetry.RebuildEvents).Should().Be(done.EventsRead);
            // Measurements are not scoped to this test (a rebuild of another test class may run at the same time): this one's is among them.
            telemetry.Of(BorderSecurityMartenTelemetry.RebuildDuration).Where(m => m.Has(OutcomeTag, Ok)).Should().NotBeEmpty()
                .And.OnlyContain(m => m.Instrument.Unit == "s");
            telemetry.Of(BorderSecurityMartenTelemetry.RebuildEvents).Should().Contain(m => m.Value == done.EventsRead);
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheAsyncTablesLagIsAGaugeAndAHealthCheckThatFailsPastItsThresholdUntilTheDaemonCatchesUp()
    {
        using var telemetry = new TelemetryRecorder(BorderSecurityMartenTelemetry.Name);
        var schema = $"bl_{Guid.NewGuid():N}"[..24];
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.AddBorderSecurity(BorderSecurityTablesMode.Async);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var model = new MartenBorderSecurityStore(store);
        var services = new ServiceCollection().AddSingleton(model).BuildServiceProvider();
        var registration = BorderSecurityTablesHealthCheck.Registration(maxLag: 5, tags: ["ready"]);
        var check = registration.Factory(services);
        try
        {
            // The daemon is not running: every event appended is one the tables trail by.
            var written = 0;
            foreach (var request in HistoryGenerator.Generate(seed: 3, requests: 20).Requests)
            {
                written += (await model.SubmitAsync(request)).Events.Count;
            }

            var behind = await model.TablesLagAsync();
            behind.Mode.Should().Be(BorderSecurityTablesMode.Async);
            behind.TablesPosition.Should().Be(0);
            behind.Lag.Should().Be(behind.HighWaterMark).And.BeGreaterThanOrEqualTo(written).And.BeGreaterThan(5);

            telemetry.Collect();
            telemetry.Of(BorderSecurityMartenTelemetry.TablesLag).Should().Contain(m => m.Has(BorderSecurityMartenTelemetry.SchemaTag, schema))
                .Which.Value.Should().Be(behind.Lag);

            var unhealthy = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration });
            unhealthy.Status.Should().Be(HealthStatus.Unhealthy);
            unhealthy.Description.Should().Contain($"{behind.Lag} events").And.Contain("more than 5");
            unhealthy.Data["lag"].Should().Be(behind.Lag);
            unhealthy.Data["mode"].Should().Be("Async");
            registration.Tags.Should().Equal("ready");

            using (var daemon = await store.BuildProjectionDaemonAsync())
            {
                await daemon.StartAllAsync();
                await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));
                await daemon.StopAllAsync();
            }

            var caughtUp = await model.TablesLagAsync();
            caughtUp.Lag.Should().Be(0);
            caughtUp.TablesPosition.Should().Be(caughtUp.HighWaterMark);
            var healthy = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration });
            healthy.Status.Should().Be(HealthStatus.Healthy);
            healthy.Data["lag"].Should().Be(0L);
            telemetry.Collect();
            telemetry.Of(BorderSecurityMartenTelemetry.TablesLag).Where(m => m.Has(BorderSecurityMartenTelemetry.SchemaTag, schema)).Last().Value.Should().Be(0);
        }
        finally
        {
            await DropSchemaAsync(schema);
        }
    }

    [Fact]
    public async Task InlineTablesNeverTrailAndAreHealthyWhileTheDatabaseAnswers()
    {
        var factory = new MartenStoreFactory();
        await factory.InitializeAsync();
        try
        {
            await factory.Model.ImportAsync(ReferenceTimeline2024.Steps);

            var lag = await factory.Model.TablesLagAsync();
            var result = await new BorderSecurityTablesHealthCheck(factory.Model, maxLag: 0).CheckHealthAsync(new HealthCheckContext());

            lag.Mode.Should().Be(BorderSecurityTablesMode.Inline);
            lag.HighWaterMark.Should().BeGreaterThan(0);
            lag.Lag.Should().Be(0);
            result.Status.Should().Be(HealthStatus.Healthy);
            result.Data["highWaterMark"].Should().Be(lag.HighWaterMark);
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnUnreachableDatabaseIsReportedWithTheRegistrationsFailureStatus()
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection("Host=127.0.0.1;Port=1;Database=unused;Timeout=2");
            options.AddBorderSecurity();
        });
        var model = new MartenBorderSecurityStore(store);
        var registration = new HealthCheckRegistration("tables", new BorderSecurityTablesHealthCheck(model), HealthStatus.Degraded, null);

        var result = await registration.Factory(null!).CheckHealthAsync(new HealthCheckContext { Registration = registration });

        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Be("The store's database cannot be reached.");
        result.Exception.Should().NotBeNull();
    }

    [Fact]
    public void AHealthCheckRejectsANegativeThreshold()
    {
        var factory = () => BorderSecurityTablesHealthCheck.Registration(maxLag: -1);

        factory.Should().Throw<ArgumentException>().WithParameterName("maxLag");
    }

    private static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
