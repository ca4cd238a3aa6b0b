namespace BorderSecurity.Domain.Shared;

/// <summary>
/// An event shape the model no longer writes but must still read: events stored under <see cref="WireName"/> are
/// deserialised into <see cref="StoredType"/> (a record of the old shape) and mapped forward to the current event type.
/// </summary>
/// <remarks>
/// An event's wire shape never changes in place. A new shape gets a new wire name (<c>funding.pledged.v2</c>); the old
/// record moves beside its aggregate as a legacy type and gains one entry in <see cref="EventCatalogue.LegacyShapes"/>,
/// which every reader uses: Marten (registered as upcasters), the raw readers of the Marten package, and
/// <see cref="EventCatalogue.Read"/>. Tests read checked-in JSON of the old shape through each.
/// </remarks>
public sealed class LegacyEventShape
{
    private readonly Func<object, IBorderSecurityEvent> _forward;

    private LegacyEventShape(string wireName, Type storedType, Type currentType, Func<object, IBorderSecurityEvent> forward)
    {
        WireName = wireName;
        StoredType = storedType;
        CurrentType = currentType;
        _forward = forward;
    }

    /// <summary>The wire name old events were stored under, for example <c>funding.pledged.v1</c>.</summary>
    public string WireName { get; }

    /// <summary>The record of the old shape the stored JSON is read into.</summary>
    public Type StoredType { get; }

    /// <summary>The current event type the old shape maps to.</summary>
    public Type CurrentType { get; }

    /// <summary>Declares a legacy shape.</summary>
    /// <typeparam name="TStored">The record of the old shape.</typeparam>
    /// <typeparam name="TCurrent">The current event type.</typeparam>
    /// <param name="wireName">The wire name old events were stored under.</param>
    /// <param name="forward">Maps an old event to the current shape; must state exactly what the old one stated.</param>
    /// <returns>The shape.</returns>
    public static LegacyEventShape Of<TStored, TCurrent>(string wireName, Func<TStored, TCurrent> forward)
        where TStored : class
        where TCurrent : class, IBorderSecurityEvent
    {
        Guard.Against.NullOrWhiteSpace(wireName);
        Guard.Against.Null(forward);
        return new LegacyEventShape(wireName, typeof(TStored), typeof(TCurrent), stored => forward((TStored)stored));
    }

    /// <summary>Maps an event of the old shape to the current one.</summary>
    /// <param name="stored">An instance of <see cref="StoredType"/>.</param>
    /// <returns>The event in its current shape.</returns>
    /// <exception cref="ArgumentException"><paramref name="stored"/> is not a <see cref="StoredType"/>.</exception>
    public IBorderSecurityEvent Forward(object stored)
    {
        Guard.Against.Null(stored);
        if (!StoredType.IsInstanceOfType(stored))
        {
            throw new ArgumentException($"A {WireName} event is read as {StoredType.Name}, not {stored.GetType().Name}.", nameof(stored));
        }

        return _forward(stored);
    }
}

/// <summary>
/// A request shape timeline files of an earlier format carried: in files whose format version is at most
/// <see cref="UntilFormat"/>, the request named <see cref="RequestName"/> is read into <see cref="StoredType"/> and
/// mapped forward to the current request.
/// </summary>
/// <remarks>
/// When a request's fields change, <see cref="Serialization.TimelineFile.FormatVersion"/> goes up by one, the old
/// request record becomes a legacy type beside its aggregate, and one entry in
/// <see cref="RequestCatalogue.LegacyShapes"/> maps it forward, so every timeline file ever written keeps reading.
/// </remarks>
public sealed class LegacyRequestShape
{
    private readonly Func<object, IBorderSecurityRequest> _forward;

    private LegacyRequestShape(string requestName, int untilFormat, Type storedType, Func<object, IBorderSecurityRequest> forward, bool keepsIdempotencyKeys)
    {
        RequestName = requestName;
        UntilFormat = untilFormat;
        StoredType = storedType;
        KeepsIdempotencyKeys = keepsIdempotencyKeys;
        _forward = forward;
    }

    /// <summary>The request's name in timeline files, for example <c>PledgeFunding</c>.</summary>
    public string RequestName { get; }

    /// <summary>The last timeline format version whose files carry this shape.</summary>
    public int UntilFormat { get; }

    /// <summary>The record of the old shape.</summary>
    public Type StoredType { get; }

    /// <summary>
    /// Whether a request read in this shape keeps the idempotency key the library gave it when this shape was current
    /// (<see cref="Serialization.IdempotencyKeys.For(IBorderSecurityRequest)"/> of the stored shape, under the request's
    /// name), so a store written then recognises the step when the same file is imported again. True when the stored
    /// record writes exactly the JSON the request wrote then (the same fields in the same order, its stream id last).
    /// </summary>
    public bool KeepsIdempotencyKeys { get; }

    /// <summary>Declares a legacy request shape whose requests are keyed as their current shape.</summary>
    /// <typeparam name="TStored">The record of the old shape.</typeparam>
    /// <typeparam name="TCurrent">The current request type.</typeparam>
    /// <param name="untilFormat">The last timeline format version whose files carry this shape.</param>
    /// <param name="forward">Maps an old request to the current shape; must state exactly what the old one stated.</param>
    /// <returns>The shape.</returns>
    public static LegacyRequestShape Of<TStored, TCurrent>(int untilFormat, Func<TStored, TCurrent> forward)
        where TStored : class
        where TCurrent : class, IBorderSecurityRequest =>
        Of(untilFormat, forward, keepsIdempotencyKeys: false);

    /// <summary>Declares a legacy request shape.</summary>
    /// <typeparam name="TStored">The record of the old shape.</typeparam>
    /// <typeparam name="TCurrent">The current request type.</typeparam>
    /// <param name="untilFormat">The last timeline format version whose files carry this shape.</param>
    /// <param name="forward">Maps an old request to the current shape; must state exactly what the old one stated.</param>
    /// <param name="keepsIdempotencyKeys">See <see cref="KeepsIdempotencyKeys"/>.</param>
    /// <returns>The shape.</returns>
    public static LegacyRequestShape Of<TStored, TCurrent>(int untilFormat, Func<TStored, TCurrent> forward, bool keepsIdempotencyKeys)
        where TStored : class
        where TCurrent : class, IBorderSecurityRequest
    {
        Guard.Against.NegativeOrZero(untilFormat);
        Guard.Against.Null(forward);
        return new LegacyRequestShape(typeof(TCurrent).Name, untilFormat, typeof(TStored), stored => forward((TStored)stored), keepsIdempotencyKeys);
    }

    /// <summary>Maps a request of the old shape to the current one.</summary>
    /// <param name="stored">An instance of <see cref="StoredType"/>.</param>
    /// <returns>The request in its current shape (keyed as the stored one when <see cref="KeepsIdempotencyKeys"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="stored"/> is not a <see cref="StoredType"/>, or one of its fields is invalid (the message names it).</exception>
    public IBorderSecurityRequest Forward(object stored)
    {
        Guard.Against.Null(stored);
        if (!StoredType.IsInstanceOfType(stored))
        {
            throw new ArgumentException($"An old {RequestName} is read as {StoredType.Name}, not {stored.GetType().Name}.", nameof(stored));
        }

        var request = _forward(stored);
        if (KeepsIdempotencyKeys)
        {
            Serialization.IdempotencyKeys.Keep(request, RequestName, stored);
        }

        return request;
    }
}

/// <summary>Builds a value of today's shape from a field of an old shape, so that an invalid one names its field.</summary>
internal static class LegacyFields
{
    /// <summary>Builds the value, naming <paramref name="field"/> if it is invalid.</summary>
    /// <typeparam name="T">The value's type, for example <see cref="Funding.CommitmentId"/>.</typeparam>
    /// <param name="field">The old shape's field, for example <c>CommitmentId</c>.</param>
    /// <param name="build">Builds the value (a typed id or organisation validates its text).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The value is invalid; <see cref="ArgumentException.ParamName"/> is <paramref name="field"/>.</exception>
    public static T Read<T>(string field, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e) when (e.ParamName != field)
        {
            throw new ArgumentException($"{field}: {e.Message}", field, e);
        }
    }
}
