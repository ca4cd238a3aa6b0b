namespace BorderSecurity.Domain.Shared;

/// <summary>
/// A request to change one aggregate: what a caller asks for, before the aggregate's decider checks it
/// against the rules and turns it into events. (The model calls these requests, not commands, because
/// <c>Command</c> is an aggregate: an organisational command such as the Border Security Command.)
/// </summary>
public interface IBorderSecurityRequest
{
    /// <summary>
    /// The id of the stream the request is for: the request's own typed id (a <see cref="Funding.CommitmentId"/> for a
    /// funding request, and so on). On the wire it is written after the request's fields as <c>streamId</c>, as it always
    /// was, and ignored when read.
    /// </summary>
    StreamId StreamId { get; }
}
