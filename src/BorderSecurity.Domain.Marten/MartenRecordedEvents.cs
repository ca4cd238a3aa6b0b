using System.Globalization;
using System.Text.Json;
using JasperFx.Events;
using NodaTime.Text;

namespace BorderSecurity.Domain.Marten;

/// <summary>Converts Marten's events to the model's recorded events, with both instants.</summary>
/// <remarks>
/// The recorded instant is Marten's own <c>mt_events.timestamp</c> (stamped from the model's clock, see
/// <see cref="MartenBorderSecurityStore"/>), never rewritten. The known-from instant is the
/// <see cref="KnownFromHeader"/> event header when there is one (an imported step keeps the instant it became public),
/// and the timestamp otherwise (an ordinary write is known from the moment it is recorded). Both are given at the
/// precision PostgreSQL keeps (whole microseconds), so an event a write returns equals the same event read back.
/// </remarks>
public static class MartenRecordedEvents
{
    /// <summary>
    /// The event header that carries the known-from instant of an imported event, ISO-8601 in UTC
    /// (for example <c>2024-09-17T09:00:00Z</c>). Absent on ordinary writes: they are known from their timestamp.
    /// </summary>
    public const string KnownFromHeader = "known-from";

    private static readonly long PostgresEpochTicks = Instant.FromUtc(2000, 1, 1, 0, 0).ToUnixTimeTicks();

    /// <summary>The model's view of a Marten event: sequence, stream, version, timestamp (the recorded instant), known-from instant and data.</summary>
    /// <param name="e">A Marten event whose data is an event of the model.</param>
    /// <returns>The recorded event.</returns>
    /// <exception cref="ArgumentException">The event's data is not an event of the model, or its known-from header is not an instant.</exception>
    public static RecordedEvent ToRecorded(IEvent e)
    {
        Guard.Against.Null(e);
        if (e.Data is not IBorderSecurityEvent data)
        {
            throw new ArgumentException($"Event {e.Sequence} ({e.Data?.GetType().Name}) is not an event of the BorderSecurity model.", nameof(e));
        }

        // Marten may hold the timestamp it stamped with more precision than PostgreSQL keeps: the instant is the stored one.
        var recordedAt = Stored(Instant.FromDateTimeOffset(e.Timestamp));
        return new RecordedEvent(e.Sequence, e.StreamKey ?? data.StreamId, e.Version, recordedAt, data)
        {
            KnownFrom = KnownFromOf(e.Headers is { } headers && headers.TryGetValue(KnownFromHeader, out var value) ? value : null, e.Sequence) ?? recordedAt,
        };
    }

    /// <summary>The header value for a known-from instant, at the precision PostgreSQL keeps (see <see cref="Stored"/>).</summary>
    internal static string Format(Instant knownFrom) => InstantPattern.ExtendedIso.Format(Stored(knownFrom));

    /// <summary>
    /// An instant at the precision a <c>timestamptz</c> column keeps: whole microseconds, truncated as Npgsql
    /// truncates when it writes one. Both instants of an event are compared and stored at this precision, so the event
    /// a write returns and the same event read back are equal.
    /// </summary>
    internal static Instant Stored(Instant instant)
    {
        // Npgsql counts microseconds from PostgreSQL's epoch (2000-01-01) with integer division: truncation towards it.
        var ticks = instant.ToUnixTimeTicks() - PostgresEpochTicks;
        return Instant.FromUnixTimeTicks(PostgresEpochTicks + ticks - (ticks % 10));
    }

    /// <summary>The known-from instant a header value carries, or <see langword="null"/> without one.</summary>
    internal static Instant? KnownFromOf(object? header, long sequence)
    {
        var text = header switch
        {
            null => null,
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } j => j.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            DateTimeOffset d => InstantPattern.ExtendedIso.Format(Instant.FromDateTimeOffset(d)),
            DateTime d => InstantPattern.ExtendedIso.Format(Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
            _ => Convert.ToString(header, CultureInfo.InvariantCulture),
        };
        if (text is null)
        {
            return null;
        }

        var parsed = InstantPattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? Stored(parsed.Value)
            : throw new ArgumentException($"Event {sequence} has a {KnownFromHeader} header that is not an ISO-8601 instant: '{text}'.");
    }
}
