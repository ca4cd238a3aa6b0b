namespace BorderSecurity.Domain.Legislative;

// The converter attribute of StreamId is not inherited: each id type names it, so it is a plain string in any JSON options.
/// <summary>The id of a piece of legislation's stream (a bill, then an Act), for example <c>legislation:illegal-migration-act-2023</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StreamIdJsonConverterFactory))]
public sealed record LegislationId : StreamId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id's text (see <see cref="StreamId"/> for what is allowed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid stream id.</exception>
    public LegislationId(string value)
        : base(value)
    {
    }
}
