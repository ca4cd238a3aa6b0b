namespace BorderSecurity.Domain.Shared;

/// <summary>
/// What every event of the model carries: the stream it belongs to, the date it happened in the world,
/// and the sources that reported it.
/// </summary>
/// <remarks>
/// The <em>recorded</em> instant (when the store learnt of the event) is not part of the event: the store
/// stamps it (see <c>RecordedEvent</c>). Events are facts and carry no behaviour and no validation.
/// </remarks>
public interface IBorderSecurityEvent
{
    /// <summary>The id of the stream (the aggregate instance) the event belongs to.</summary>
    string StreamId { get; }

    /// <summary>The valid date: when the event happened in the world.</summary>
    LocalDate ValidOn { get; }

    /// <summary>The sources that reported the event.</summary>
    Provenance Provenance { get; }
}

/// <summary>
/// The stable wire name of an event type, independent of its CLR name, so that renaming a class never
/// orphans stored data. Every event type in the model carries one; see <c>EventCatalogue</c>.
/// </summary>
/// <param name="name">The wire name, for example <c>funding.pledged.v1</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}
