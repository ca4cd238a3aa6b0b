
namespace BorderSecurity.Domain.Shared;

/// <summary>
/// Routes a request to its aggregate's decider (as its registration, <see cref="AggregateRegistration"/>, says): folds the
/// stream's history with that aggregate's Evolve and decides. Stores (in-memory and Marten) write only through this, so every store applies the same rules.
/// </summary>
public static class BorderSecurityDecider
{
    /// <summary>The aggregate a request belongs to.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Its aggregate.</returns>
    /// <exception cref="ArgumentException">The request is of no aggregate of the model.</exception>
    public static AggregateKind AggregateOf(IBorderSecurityRequest request) =>
        (Aggregates.OfRequest(Guard.Against.Null(request))
         ?? throw new ArgumentException($"{request.GetType().Name} is not a request of the model.", nameof(request))).Kind;

    /// <summary>
    /// The streams a request refers to besides its own, whose histories the decider needs: the Act money is redirected from,
    /// the Act that confers powers, what a pledge is linked to, or every subject of a dispute.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The referenced stream ids, each once, in the order the request names them; empty when it refers to none.</returns>
    public static IReadOnlyList<StreamId> ReferencedStreamsOf(IBorderSecurityRequest request) =>
        Aggregates.OfRequest(Guard.Against.Null(request))?.ReferencedStreamsOf(request) ?? [];

    /// <summary>The first stream a request refers to besides its own (<see cref="ReferencedStreamsOf"/>), or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The first referenced stream id, or <see langword="null"/>.</returns>
    /// <remarks>A dispute may refer to several subjects: a decider given only the first one's history refuses the others as unknown.</remarks>
    [Obsolete("A request may refer to several streams (a dispute about several subjects): use ReferencedStreamsOf and pass all their events.")]
    public static StreamId? ReferencedStreamOf(IBorderSecurityRequest request) => ReferencedStreamsOf(request) is [var first, ..] ? first : null;

    /// <summary>Decides a request against the history of its stream (for a request with no referenced stream).</summary>
    /// <param name="history">The stream's events in recording order (empty for a new stream).</param>
    /// <param name="request">The request.</param>
    /// <returns>The events to append; never empty.</returns>
    /// <exception cref="ArgumentException">An argument of the request is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken; a request that references another stream breaks its rule here because none was given.</exception>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(IEnumerable<IBorderSecurityEvent> history, IBorderSecurityRequest request) =>
        Decide(history, request, []);

    /// <summary>Decides a request against the history of its stream and of the streams it references (<see cref="ReferencedStreamsOf"/>).</summary>
    /// <param name="history">The stream's events in recording order (empty for a new stream).</param>
    /// <param name="request">The request.</param>
    /// <param name="referencedHistory">
    /// The referenced streams' events, each stream's in recording order, one stream after another (empty when none exists or
    /// none is referenced). Each event names its stream (<see cref="IBorderSecurityEvent.StreamId"/>).
    /// </param>
    /// <returns>The events to append; never empty.</returns>
    /// <exception cref="ArgumentException">An argument of the request is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken, including <c>StreamBelongsToAnotherAggregate</c> when the stream id is already used by another aggregate.</exception>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(IEnumerable<IBorderSecurityEvent> history, IBorderSecurityRequest request,
        IEnumerable<IBorderSecurityEvent> referencedHistory)
    {
        Guard.Against.Null(history);
        Guard.Against.Null(referencedHistory);
        var referenced = referencedHistory as IReadOnlyCollection<IBorderSecurityEvent> ?? [.. referencedHistory];
        var kind = AggregateOf(request);
        var events = history as IReadOnlyList<IBorderSecurityEvent> ?? [.. history];
        if (events.FirstOrDefault() is { } first && EventCatalogue.AggregateOf(first.GetType()) is var existing && existing != kind)
        {
            throw new DomainRuleViolationException(kind.ToString(), "StreamBelongsToAnotherAggregate",
                $"stream '{request.StreamId}' already holds a {existing}; choose another id.");
        }

        return Aggregates.Of(kind).Decide(events, request, referenced);
    }
}
