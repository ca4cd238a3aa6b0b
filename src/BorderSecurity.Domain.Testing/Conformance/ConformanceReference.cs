using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Conformance;

/// <summary>
/// The in-memory store's answers for a list of timeline steps: the steps imported one at a time into an
/// <see cref="InMemoryBorderSecurityStore"/> whose clock is set to each step's known-from instant first (so each is
/// recorded when it became known), each step once by its idempotency key, and asked through the store's contract.
/// Comparing another store with it is a store-against-store check (for the Marten store: SQL and tables against the
/// in-memory indexes); it is not an oracle, since it shares the statement mapping and the aggregates with every store.
/// The independent check is <see cref="IndependentOracle"/>.
/// </summary>
public sealed class ConformanceReference
{
    private ConformanceReference(IReadOnlyList<TimelineStep> accepted, IReadOnlyList<RecordedEvent> events, IBorderSecurityQueries queries)
    {
        Accepted = accepted;
        Events = events;
        Queries = queries;
    }

    /// <summary>The steps the store accepted, in order: repeats of an earlier step (same step id, if any, and same request) and steps that broke a rule are left out.</summary>
    public IReadOnlyList<TimelineStep> Accepted { get; }

    /// <summary>The events, in recording order.</summary>
    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>The in-memory store's answers over <see cref="Events"/>.</summary>
    public IBorderSecurityQueries Queries { get; }

    /// <summary>Imports steps, keeping those the store accepts.</summary>
    /// <param name="steps">The steps, in order.</param>
    /// <returns>The reference.</returns>
    public static ConformanceReference Of(IEnumerable<TimelineStep> steps)
    {
        var clock = new SteppingClock(Instant.MinValue);
        var store = new InMemoryBorderSecurityStore(clock);
        var accepted = new List<TimelineStep>();
        foreach (var step in steps)
        {
            clock.Set(step.KnownFrom);
            try
            {
                // The in-memory store completes every call before it returns: nothing here waits.
                if (store.ImportAsync([step]).GetAwaiter().GetResult().StepsAlreadyStored == 0)
                {
                    accepted.Add(step);
                }
            }
            catch (TimelineImportException e) when (e.InnerException is DomainRuleViolationException)
            {
                // Left out: a store asked to import it would reject it too (tested separately).
            }
        }

        return new ConformanceReference(accepted, store.ReadAllAsync().GetAwaiter().GetResult(), store);
    }
}
