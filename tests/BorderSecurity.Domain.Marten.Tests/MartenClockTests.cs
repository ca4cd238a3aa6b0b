using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// One clock: every event's recorded instant comes from the clock imports are checked against (Marten's event time
/// provider fed from the store's <see cref="IClock"/>), whether the clock is given to the constructor or registered in
/// the container; a document store with a time provider of its own is that clock, and another clock beside it is refused.
/// </summary>
public class MartenClockTests
{
    [Fact]
    public async Task EveryEventIsRecordedAtTheInstantOfTheClockGivenToTheStore()
    {
        await using var own = await MartenKnownFromTests.OwnSchema.CreateAsync();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 30));
        var model = new MartenBorderSecurityStore(own.Store, clock: clock);

        var expected = new List<Instant>();
        foreach (var step in ReferenceTimeline2024.Steps.Take(12))
        {
            clock.Advance(Duration.FromMinutes(7) + Duration.FromMilliseconds(3));
            var stored = await model.ImportAsync([step]);
            expected.AddRange(Enumerable.Repeat(clock.GetCurrentInstant(), stored.EventsStored));
        }

        var events = await model.ReadAllAsync();
        events.Select(e => e.RecordedAt).Should().Equal(expected);
        (await own.InstantRowsAsync()).Where(r => r.Table == "events").Select(r => Instant.FromDateTimeUtc(r.RecordedAt))
            .Should().Equal(expected, "the tables hold the recorded instants the log holds");

        // Rebuilt from mt_events.timestamp: the same instants.
        await model.RebuildProjectionsAsync();
        (await own.InstantRowsAsync()).Where(r => r.Table == "events").Select(r => Instant.FromDateTimeUtc(r.RecordedAt)).Should().Equal(expected);

        // And a step known after that clock's now is refused by the same clock.
        var late = () => model.ImportAsync([ReferenceTimeline2024.Steps[12] with { KnownFrom = clock.GetCurrentInstant() + Duration.FromSeconds(1) }]);
        await late.Should().ThrowAsync<TimelineImportException>();
    }

    [Fact]
    public async Task UseMartenRecordsEveryEventAtTheInstantOfTheContainersClock()
    {
        var schema = $"clk_{Guid.NewGuid():N}"[..24];
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 1, 12, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddBorderSecurity().UseMarten(PostgresServer.Instance.ConnectionString, options => options.DatabaseSchemaName = schema);
        await using var provider = services.BuildServiceProvider();
        try
        {
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(CancellationToken.None);
            }

            var store = provider.GetRequiredService<IBorderSecurityStore>();
            await store.ImportAsync(ReferenceTimeline2024.Steps.Take(5));
            clock.Advance(Duration.FromDays(1));
            await store.ImportAsync(ReferenceTimeline2024.Steps.Skip(5).Take(5));

            var events = await store.ReadAllAsync();
            events.Select(e => e.RecordedAt).Distinct().Should().Equal(Instant.FromUtc(2026, 4, 1, 12, 0), Instant.FromUtc(2026, 4, 2, 12, 0));
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task ADocumentStoreWithATimeProviderOfItsOwnIsTheClockAndAnotherClockBesideItIsRefused()
    {
        var schema = $"clk_{Guid.NewGuid():N}"[..24];
        var now = Instant.FromUtc(2024, 8, 1, 0, 0);
        using var store = DocumentStore.For(options =>
        {
            options.Connection(PostgresServer.Instance.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.AddBorderSecurity();
            options.Events.TimeProvider = new FixedTimeProvider(now.ToDateTimeOffset());
        });
        try
        {
            var twoClocks = () => new MartenBorderSecurityStore(store, clock: new FakeClock(now));
            twoClocks.Should().Throw<InvalidOperationException>().WithMessage("*two clocks*");

            var model = new MartenBorderSecurityStore(store);
            var known = ReferenceTimeline2024.Steps.Where(s => s.KnownFrom <= now).ToList();
            await model.ImportAsync(known);
            (await model.ReadAllAsync()).Should().OnlyContain(e => e.RecordedAt == now);
            var late = () => model.ImportAsync([ReferenceTimeline2024.Steps.First(s => s.KnownFrom > now)]);
            (await late.Should().ThrowAsync<TimelineImportException>()).Which.Message.Should().Contain("after the store's clock");
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(PostgresServer.Instance.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
