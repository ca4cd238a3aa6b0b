namespace BorderSecurity.Domain.Commands;

/// <summary>The id of an organisational command's stream, for example <c>command:bsc</c>.</summary>
public sealed record CommandId : StreamId
{
    /// <summary>Creates the id.</summary>
    /// <param name="value">The id's text (see <see cref="StreamId"/> for what is allowed).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid stream id.</exception>
    public CommandId(string value)
        : base(value)
    {
    }
}
