namespace BorderSecurity.Domain.Funding;

// The converter attribute of StreamId is not inherited: each id type names it, so it is a plain string in any JSON options.
/// <summary>The id of a funding commitment's stream, for example <c>funding:bsc-2024-09-ima-redirect</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StreamIdJsonConverterFactory))]
public sealed record CommitmentId : StreamId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id's text (see <see cref="StreamId"/> for what is allowed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid stream id.</exception>
    public CommitmentId(string value)
        : base(value)
    {
    }
}
