namespace BorderSecurity.Domain.Pledges;

// The converter attribute of StreamId is not inherited: each id type names it, so it is a plain string in any JSON options.
/// <summary>The id of a pledge's stream, for example <c>pledge:create-border-security-command</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StreamIdJsonConverterFactory))]
public sealed record PledgeId : StreamId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id's text (see <see cref="StreamId"/> for what is allowed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid stream id.</exception>
    public PledgeId(string value)
        : base(value)
    {
    }
}
