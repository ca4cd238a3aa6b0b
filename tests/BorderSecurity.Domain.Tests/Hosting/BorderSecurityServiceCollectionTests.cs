using BorderSecurity.Domain.Telemetry;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using static BorderSecurity.Domain.Tests.Support.Facts;

namespace BorderSecurity.Domain.Tests.Hosting;

public class BorderSecurityServiceCollectionTests
{
    private const string Id = "funding:test";
    private const string Bsc = "Border Security Command";

    private static PledgeFunding Pledge() =>
        new PledgeFunding
        {
            CommitmentId = new(Id),
            Recipient = new(Bsc),
            Amount = M(75),
            Basis = FundingBasis.Firm,
            OriginName = "Autumn Budget 2024",
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = Cited,
        };

    [Fact]
    public async Task AddBorderSecurityRegistersAnInMemoryStoreToSubmitAndAsk()
    {
        var services = new ServiceCollection();
        services.AddBorderSecurity();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var store = provider.GetRequiredService<IBorderSecurityStore>();
        await store.SubmitAsync(Pledge());

        store.Should().BeOfType<InstrumentedBorderSecurityStore>().Which.Inner.Should().BeSameAs(provider.GetRequiredService<InMemoryBorderSecurityStore>());
        provider.GetRequiredService<InMemoryBorderSecurityStore>().Count.Should().Be(1);
        provider.GetRequiredService<IBorderSecurityStore>().Should().BeSameAs(store);
        (await provider.GetRequiredService<IBorderSecurityStore>().FundingTotalsOfAsync(new Organisation(Bsc), new AsOfQuery(On(11, 5)))).Total.Should().Be(M(75));
    }

    [Fact]
    public async Task TheContainersClockStampsRecordedInstants()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 11, 4, 12, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddBorderSecurity();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IBorderSecurityStore>().SubmitAsync(Pledge());

        result.Events.Should().ContainSingle().Which.RecordedAt.Should().Be(clock.GetCurrentInstant());
    }

    [Fact]
    public async Task WithoutAClockInTheContainerTheSystemClockIsUsed()
    {
        var services = new ServiceCollection();
        services.AddBorderSecurity();
        await using var provider = services.BuildServiceProvider();
        var before = SystemClock.Instance.GetCurrentInstant();

        var result = await provider.GetRequiredService<IBorderSecurityStore>().SubmitAsync(Pledge());

        result.Events.Single().RecordedAt.Should().BeInRange(before, SystemClock.Instance.GetCurrentInstant());
    }

    [Fact]
    public void CallingItTwiceRegistersTheStoreOnceAndAStoreRegisteredBeforeIsKept()
    {
        var services = new ServiceCollection();

        var builder = services.AddBorderSecurity();
        services.AddBorderSecurity();

        builder.Services.Should().BeSameAs(services);
        services.Count(d => d.ServiceType == typeof(IBorderSecurityStore)).Should().Be(1);
        services.Single(d => d.ServiceType == typeof(IBorderSecurityStore)).Lifetime.Should().Be(ServiceLifetime.Singleton);

        var mine = new InMemoryBorderSecurityStore(SystemClock.Instance);
        var other = new ServiceCollection().AddSingleton<IBorderSecurityStore>(mine);
        other.AddBorderSecurity();
        using var provider = other.BuildServiceProvider();
        provider.GetRequiredService<IBorderSecurityStore>().Should().BeSameAs(mine);
    }

    [Fact]
    public void NullServicesAreRejected() =>
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddBorderSecurity()).Should().Throw<ArgumentNullException>();
}
