using Marten;
using NodaTime.Extensions;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// A <see cref="TimeProvider"/> that reads an <see cref="IClock"/>: what Marten stamps each event's timestamp from
/// (<c>StoreOptions.Events.TimeProvider</c>, read at every append in Rich append mode), so that an event's recorded instant
/// and the instant an import is checked against come from one clock.
/// </summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public IClock Clock => clock;

    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}

/// <summary>The one clock of a <see cref="MartenBorderSecurityStore"/>: Marten's event time provider and the import's check, the same.</summary>
internal static class StoreClock
{
    /// <summary>
    /// The clock of a model over <paramref name="store"/>, made the one the store stamps events with. With no
    /// <paramref name="clock"/>, the store's own time provider (<see cref="SystemClock.Instance"/> for Marten's default,
    /// <see cref="TimeProvider.System"/>). With a clock, the store's time provider is fed from it, unless the store was given
    /// a time provider of its own: then the two must be the same clock.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The store stamps events from a time provider of its own, and <paramref name="clock"/> is another clock.
    /// </exception>
    public static IClock Of(IDocumentStore store, IClock? clock)
    {
        if (store.Options is not StoreOptions options)
        {
            // Not a store built from StoreOptions (AddBorderSecurity needs them): nothing here can be read or fed.
            return clock ?? SystemClock.Instance;
        }

        var provider = options.Events.TimeProvider;
        var own = provider switch
        {
            ClockTimeProvider fed => fed.Clock,
            _ when ReferenceEquals(provider, TimeProvider.System) => SystemClock.Instance,
            _ => null,
        };
        if (clock is null)
        {
            return own ?? provider.ToClock();
        }

        if (ReferenceEquals(own, clock))
        {
            return clock;
        }

        if (ReferenceEquals(provider, TimeProvider.System))
        {
            // Marten's default, untouched: fed from the model's clock. Read at every append, so it holds from the next one.
            options.Events.TimeProvider = new ClockTimeProvider(clock);
            return clock;
        }

        throw new InvalidOperationException(
            $"The document store stamps events from a time provider of its own ({provider.GetType().Name}), and the model was given another clock " +
            $"({clock.GetType().Name}): recorded instants and the import's check would come from two clocks. Give the model no clock (it then uses " +
            "the store's time provider), or leave StoreOptions.Events.TimeProvider unset (the model then feeds it from its clock). See docs/marten.md, One clock.");
    }
}
