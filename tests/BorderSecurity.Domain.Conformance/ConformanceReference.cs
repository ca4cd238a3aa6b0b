using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// The other store's answers for a list of timeline steps: the steps replayed into the plain log
/// (<see cref="InMemoryEventStore"/>, each step once by its idempotency key, recorded at its known-from instant) and
/// asked through <see cref="BorderSecurityProjection"/>, the in-memory store's projection. Comparing a store with it
/// is a store-against-store check (for the Marten store: SQL and tables against the in-memory indexes); it is not an
/// oracle, since it shares the statement mapping and the aggregates with every store. The independent check is
/// <see cref="IndependentOracle"/>.
/// </summary>
public sealed class ConformanceReference
{
    private ConformanceReference(IReadOnlyList<TimelineStep> accepted, IReadOnlyList<RecordedEvent> events)
    {
        Accepted = accepted;
        Events = events;
        Queries = BorderSecurityProjection.Of(events);
    }

    /// <summary>The steps the log accepted, in order: repeats of an earlier step (same step id, if any, and same request) and steps that broke a rule are left out.</summary>
    public IReadOnlyList<TimelineStep> Accepted { get; }

    /// <summary>The events, in recording order.</summary>
    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>The in-memory projection's answers over <see cref="Events"/>.</summary>
    public IBorderSecurityQueries Queries { get; }

    /// <summary>Replays steps, keeping those the log accepts.</summary>
    /// <param name="steps">The steps, in order.</param>
    /// <returns>The reference.</returns>
    public static ConformanceReference Of(IEnumerable<TimelineStep> steps)
    {
        var clock = new SteppingClock(Instant.MinValue);
        var log = new InMemoryEventStore(clock);
        var accepted = new List<TimelineStep>();
        foreach (var step in steps)
        {
            clock.Set(step.KnownFrom);
            try
            {
                if (!log.Submit(step.Request, IdempotencyKeys.For(step)).AlreadyRecorded)
                {
                    accepted.Add(step);
                }
            }
            catch (DomainRuleViolationException)
            {
                // Left out: a store asked to import it would reject it too (tested separately).
            }
        }

        return new ConformanceReference(accepted, log.ReadAll());
    }
}
