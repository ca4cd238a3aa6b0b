using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Shared;

/// <summary>
/// Each aggregate is registered in one place (Aggregates.All), and every event and request type of the model is in a
/// registration with all its parts; every catalogue is derived from them.
/// </summary>
public class AggregateRegistrationTests
{
    private static readonly Type[] ModelTypes = typeof(IBorderSecurityEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false }).ToArray();

    [Fact]
    public void EveryEventTypeIsRegisteredOnceWithItsWireName()
    {
        var registered = Aggregates.All.SelectMany(a => a.Events).ToList();
        var eventTypes = ModelTypes.Where(typeof(IBorderSecurityEvent).IsAssignableFrom).ToList();

        eventTypes.Should().NotBeEmpty();
        foreach (var type in eventTypes)
        {
            registered.Where(r => r.Type == type).Should().ContainSingle($"{type.Name} is an event of the model, so exactly one aggregate registers it");
        }

        registered.Select(r => r.Type).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(eventTypes, "every registered event is an event of the model");
        registered.Select(r => r.WireName).Concat(Aggregates.All.SelectMany(a => a.LegacyEvents).Select(l => l.WireName))
            .Should().OnlyHaveUniqueItems("a wire name reads back into one shape");
        foreach (var registration in registered)
        {
            registration.WireName.Should().MatchRegex(@"^[a-z]+\.[a-z-]+\.v[0-9]+$", $"{registration.Type.Name}'s wire name is stable and versioned");
            EventCatalogue.NameOf(registration.Type).Should().Be(registration.WireName);
            EventCatalogue.AggregateOf(registration.Type).Should().Be(registration.Aggregate);
        }

        EventCatalogue.EventTypes.Should().Equal(registered.Select(r => r.Type), "the catalogue is derived from the registrations");
    }

    [Fact]
    public void EveryRequestTypeIsRegisteredOnceInTheAggregateItsInterfaceNames()
    {
        var legacy = Aggregates.All.SelectMany(a => a.LegacyRequests).Select(l => l.StoredType).ToHashSet();
        var requestTypes = ModelTypes.Where(typeof(IBorderSecurityRequest).IsAssignableFrom).Where(t => !legacy.Contains(t)).ToList();

        requestTypes.Should().NotBeEmpty();
        foreach (var type in requestTypes)
        {
            var owners = Aggregates.All.Where(a => a.RequestTypes.Contains(type)).ToList();
            owners.Should().ContainSingle($"{type.Name} is a request of the model, so exactly one aggregate registers it");
            owners[0].RequestInterface.IsAssignableFrom(type).Should().BeTrue($"{type.Name} is decided by {owners[0].Kind}'s decider, which takes {owners[0].RequestInterface.Name}");
            RequestCatalogue.TryGetType(type.Name, out var found).Should().BeTrue();
            found.Should().Be(type);
        }

        Aggregates.All.SelectMany(a => a.RequestTypes).Should().BeEquivalentTo(requestTypes, "every registered request is a request of the model");
        Aggregates.All.Select(a => a.RequestInterface).Should().OnlyHaveUniqueItems("a request's interface routes it to one decider");
        foreach (var shape in Aggregates.All.SelectMany(a => a.LegacyRequests))
        {
            RequestCatalogue.TryGetType(shape.RequestName, out _).Should().BeTrue($"the legacy shape {shape.StoredType.Name} maps forward to a registered request");
        }
    }

    [Fact]
    public async Task EveryEventOfARichHistoryIsDescribedStatedAndFoldedByItsRegistration()
    {
        // Three generated histories, so that no event type hangs on one seed's draws (a target revised before it is met or
        // abandoned is one draw in ten), and the reference timeline.
        var histories = new[] { 20241104, 20241105, 20241106 }.Select(seed => HistoryGenerator.Generate(seed, requests: 4_000, streamsPerAggregate: 12)).ToList();
        var events = histories.SelectMany(h => h.Events).Select(e => e.Data).Concat(await ReferenceEventsAsync()).ToList();
        var seen = events.Select(e => e.GetType()).ToHashSet();

        Aggregates.Events.Keys.Should().BeSubsetOf(seen, "the corpus holds every registered event type, so each one's parts are exercised below");
        foreach (var e in events)
        {
            var registration = Aggregates.Of(e);
            var description = registration.Describe(e);
            description.Should().NotBeNullOrWhiteSpace().And.NotBe(e.GetType().Name, $"{e.GetType().Name} has a description of its own");
            EventDescriptions.Describe(e).Should().Be(description);
            EventStatements.Of(e).Should().BeEquivalentTo(registration.States(e));
        }

        foreach (var stream in histories.SelectMany(h => h.Events.GroupBy(e => e.StreamId)))
        {
            var aggregate = Aggregates.Of(stream.First().Data).Aggregate;
            stream.Select(e => Aggregates.Of(e.Data).Aggregate).Should().AllBeEquivalentTo(aggregate);
            Aggregates.Of(aggregate).Fold(stream.Select(e => e.Data)).Should().NotBeNull($"{stream.Key}'s events fold into its {aggregate}");
        }
    }

    [Fact]
    public void APeriodRevisionAndCorrectionAreDescribedWithTheirPeriod()
    {
        var period = FundingPeriod.NotStated("2025/26 onwards, an amount each year");
        var provenance = BorderSecurityDecider.Decide([], ReferenceTimeline2024.Steps[0].Request)[0].Provenance;
        var revised = new FundingPeriodRevised("funding:x", period, "Spending Review", new LocalDate(2025, 6, 11), provenance);
        var corrected = new FundingPeriodCorrected("funding:x", period, "misread", new LocalDate(2025, 6, 11), provenance);

        EventDescriptions.Describe(revised).Should().Be("funding:x now covers 2025/26 onwards, an amount each year: Spending Review");
        EventDescriptions.Describe(corrected).Should().Be("funding:x corrected to cover 2025/26 onwards, an amount each year: misread");
    }

    private static async Task<IEnumerable<IBorderSecurityEvent>> ReferenceEventsAsync()
    {
        var store = new InMemoryBorderSecurityStore(NodaTime.SystemClock.Instance);
        await store.ImportAsync(ReferenceTimeline2024.Steps);
        return (await store.ReadAllAsync()).Select(e => e.Data);
    }
}
