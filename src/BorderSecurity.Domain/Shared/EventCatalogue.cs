using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Shared;

/// <summary>The aggregate an event or request belongs to.</summary>
public enum AggregateKind
{
    /// <summary>An organisational command (<see cref="Commands.Command"/>).</summary>
    Command = 0,

    /// <summary>A funding commitment (<see cref="FundingCommitment"/>).</summary>
    FundingCommitment = 1,

    /// <summary>A recruitment target (<see cref="RecruitmentTarget"/>).</summary>
    RecruitmentTarget = 2,

    /// <summary>A piece of legislation (<see cref="Legislation"/>).</summary>
    Legislation = 3,

    /// <summary>A dispute between sources about a fact of another stream (<see cref="Disputes.Dispute"/>).</summary>
    Dispute = 4,

    /// <summary>An outcome indicator and the releases of its values (<see cref="Outcomes.OutcomeIndicator"/>).</summary>
    OutcomeIndicator = 5,

    /// <summary>A pledge and the verdicts on it (<see cref="Pledges.Pledge"/>).</summary>
    Pledge = 6,
}

/// <summary>Every event type of the model with its stable wire name and its aggregate.</summary>
public static class EventCatalogue
{
    // Derived from each aggregate's registration (Aggregates.All): the event types, their aggregates and wire names.
    private static readonly ImmutableArray<(Type Type, AggregateKind Aggregate)> Types =
        [.. Aggregates.All.SelectMany(a => a.Events).Select(e => (e.Type, e.Aggregate))];

    private static readonly FrozenMap ByType = FrozenMap.Build(Types);

    /// <summary>
    /// Every shape the model once wrote and no longer writes, each mapped forward to its current event type: each
    /// aggregate's registration lists its own (see <see cref="LegacyEventShape"/>); never edit a shipped entry.
    /// </summary>
    private static readonly ImmutableArray<LegacyEventShape> Legacy = [.. Aggregates.All.SelectMany(a => a.LegacyEvents)];

    private static readonly IReadOnlyDictionary<string, LegacyEventShape> LegacyByName = CheckedLegacy();

    /// <summary>Every event type, in catalogue order.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [.. Types.Select(t => t.Type)];

    /// <summary>The wire name of an event type.</summary>
    /// <param name="eventType">An event type of the model.</param>
    /// <returns>Its wire name, for example <c>funding.pledged.v1</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is not an event type of the model.</exception>
    public static string NameOf(Type eventType) =>
        ByType.Names.TryGetValue(Guard.Against.Null(eventType), out var name)
            ? name
            : throw new ArgumentException($"{eventType.Name} is not an event type of the model.", nameof(eventType));

    /// <summary>The wire name of an event.</summary>
    /// <param name="event">An event of the model.</param>
    /// <returns>Its wire name.</returns>
    /// <exception cref="ArgumentException">The event's type is not of the model.</exception>
    public static string NameOf(IBorderSecurityEvent @event) => NameOf(Guard.Against.Null(@event).GetType());

    /// <summary>The event type with a wire name.</summary>
    /// <param name="name">The wire name.</param>
    /// <returns>The type.</returns>
    /// <exception cref="ArgumentException">No event type has that name.</exception>
    public static Type TypeOf(string name) =>
        ByType.Types.TryGetValue(Guard.Against.Null(name), out var type)
            ? type
            : throw new ArgumentException($"'{name}' is not the wire name of an event type of the model.", nameof(name));

    /// <summary>The event type with a wire name, if there is one.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="type">The type, or <see langword="null"/>.</param>
    /// <returns>Whether an event type of the model has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static bool TryTypeOf(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        ByType.Types.TryGetValue(Guard.Against.Null(name), out type);

    /// <summary>The aggregate an event type belongs to.</summary>
    /// <param name="eventType">An event type of the model.</param>
    /// <returns>Its aggregate.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is not an event type of the model.</exception>
    public static AggregateKind AggregateOf(Type eventType) =>
        ByType.Aggregates.TryGetValue(Guard.Against.Null(eventType), out var kind)
            ? kind
            : throw new ArgumentException($"{eventType.Name} is not an event type of the model.", nameof(eventType));

    /// <summary>The shapes the model still reads but no longer writes (see <see cref="LegacyEventShape"/>).</summary>
    public static IReadOnlyList<LegacyEventShape> LegacyShapes => Legacy;

    /// <summary>The type stored JSON under a wire name is read into: the current event type, or a legacy shape's record.</summary>
    /// <param name="name">A wire name, current or legacy.</param>
    /// <param name="storedType">The type to deserialise the stored JSON into.</param>
    /// <returns>Whether the name is one the model reads.</returns>
    public static bool TryStoredTypeOf(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? storedType)
    {
        if (ByType.Types.TryGetValue(Guard.Against.Null(name), out storedType))
        {
            return true;
        }

        storedType = LegacyByName.TryGetValue(name, out var legacy) ? legacy.StoredType : null;
        return storedType is not null;
    }

    /// <summary>
    /// Reads a stored event of any shape the model ever wrote: deserialises it as <see cref="TryStoredTypeOf"/> says and
    /// maps a legacy shape forward. The one path every reader of stored JSON goes through.
    /// </summary>
    /// <param name="name">The event's wire name.</param>
    /// <param name="deserialize">Deserialises the stored JSON into the given type.</param>
    /// <returns>The event in its current shape.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a wire name the model reads.</exception>
    public static IBorderSecurityEvent Read(string name, Func<Type, object?> deserialize)
    {
        Guard.Against.Null(deserialize);
        if (!TryStoredTypeOf(name, out var storedType))
        {
            throw new ArgumentException($"'{name}' is not the wire name of an event type of the model.", nameof(name));
        }

        var stored = deserialize(storedType) ?? throw new ArgumentException($"A {name} event was stored as null.", nameof(name));
        return LegacyByName.TryGetValue(name, out var legacy) ? legacy.Forward(stored) : (IBorderSecurityEvent)stored;
    }

    private static Dictionary<string, LegacyEventShape> CheckedLegacy()
    {
        var byName = new Dictionary<string, LegacyEventShape>(StringComparer.Ordinal);
        foreach (var shape in Legacy)
        {
            if (ByType.Types.ContainsKey(shape.WireName) || !byName.TryAdd(shape.WireName, shape))
            {
                throw new InvalidOperationException($"The legacy wire name {shape.WireName} is also a current or another legacy name.");
            }

            if (!ByType.Names.ContainsKey(shape.CurrentType))
            {
                throw new InvalidOperationException($"The legacy shape {shape.WireName} maps to {shape.CurrentType.Name}, which is not in the catalogue.");
            }
        }

        return byName;
    }

    private sealed record FrozenMap(
        IReadOnlyDictionary<Type, string> Names,
        IReadOnlyDictionary<string, Type> Types,
        IReadOnlyDictionary<Type, AggregateKind> Aggregates)
    {
        public static FrozenMap Build(ImmutableArray<(Type Type, AggregateKind Aggregate)> types)
        {
            var names = types.ToDictionary(t => t.Type, t => Shared.Aggregates.Events[t.Type].WireName);
            return new FrozenMap(names, names.ToDictionary(n => n.Value, n => n.Key, StringComparer.Ordinal),
                types.ToDictionary(t => t.Type, t => t.Aggregate));
        }
    }
}
