namespace BorderSecurity.Domain.Projections;

/// <summary>One-line, plain-English descriptions of events, for timelines (each written in its aggregate's registration).</summary>
public static class EventDescriptions
{
    /// <summary>Describes an event.</summary>
    /// <param name="event">The event.</param>
    /// <returns>A sentence, for example <c>£75,000,000.00 (up to) redirected from Illegal Migration Act 2023 to Border Security Command</c>.</returns>
    /// <exception cref="ArgumentException">The event's type is not of the model.</exception>
    public static string Describe(IBorderSecurityEvent @event) => Aggregates.Of(Guard.Against.Null(@event)).Describe(@event);
}
