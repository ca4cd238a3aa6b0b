using System.Reflection;

namespace BorderSecurity.Domain.Shared;

/// <summary>
/// Everything the model knows about one aggregate, in one place: its kind, its requests and the shapes they once had, how
/// it decides and evolves, and per event type its wire name, what it states and how it reads in a timeline. Every
/// catalogue (<see cref="EventCatalogue"/>, <see cref="RequestCatalogue"/>, <see cref="Projections.EventDescriptions"/>, the
/// statement mappings, <see cref="BorderSecurityDecider"/>'s routing) is derived from <see cref="Aggregates.All"/>.
/// </summary>
/// <remarks>Adding an event: one <see cref="AggregateRegistration{TState, TRequest}.Event{TEvent}"/> line in its aggregate's
/// registration (e.g. <c>Funding/FundingCommitmentAggregate.cs</c>); the registration test fails until every part is there.</remarks>
internal abstract class AggregateRegistration
{
    private protected AggregateRegistration(AggregateKind kind) => Kind = kind;

    /// <summary>The aggregate's kind.</summary>
    public AggregateKind Kind { get; }

    /// <summary>The interface every request of the aggregate implements (e.g. <c>IFundingRequest</c>).</summary>
    public abstract Type RequestInterface { get; }

    /// <summary>The aggregate's request types, in catalogue order.</summary>
    public abstract IReadOnlyList<Type> RequestTypes { get; }

    /// <summary>The aggregate's event types with their parts, in catalogue order.</summary>
    public abstract IReadOnlyList<EventRegistration> Events { get; }

    /// <summary>Stored event shapes of this aggregate the model reads but no longer writes.</summary>
    public abstract IReadOnlyList<LegacyEventShape> LegacyEvents { get; }

    /// <summary>Request shapes of earlier timeline formats, for this aggregate's requests.</summary>
    public abstract IReadOnlyList<LegacyRequestShape> LegacyRequests { get; }

    /// <summary>The streams a request of this aggregate refers to besides its own, if any (see <see cref="BorderSecurityDecider.ReferencedStreamsOf"/>).</summary>
    /// <param name="request">A request of this aggregate.</param>
    /// <returns>The referenced stream ids, each once; empty for none.</returns>
    public abstract IReadOnlyList<StreamId> ReferencedStreamsOf(IBorderSecurityRequest request);

    /// <summary>Folds the stream's history with the aggregate's Evolve and decides the request.</summary>
    /// <param name="history">The stream's events, in recording order.</param>
    /// <param name="request">A request of this aggregate.</param>
    /// <param name="referenced">The referenced streams' events (<see cref="BorderSecurityDecider.ReferencedStreamsOf"/>).</param>
    /// <returns>The events to append.</returns>
    public abstract IReadOnlyList<IBorderSecurityEvent> Decide(IReadOnlyList<IBorderSecurityEvent> history, IBorderSecurityRequest request,
        IReadOnlyCollection<IBorderSecurityEvent> referenced);

    /// <summary>Folds events of this aggregate with its Evolve; <see langword="null"/> when nothing exists yet.</summary>
    /// <param name="history">The events.</param>
    /// <returns>The state.</returns>
    public abstract object? Fold(IEnumerable<IBorderSecurityEvent> history);
}

/// <summary>An aggregate's registration, typed by its state and its requests' interface.</summary>
/// <typeparam name="TState">The aggregate's state.</typeparam>
/// <typeparam name="TRequest">The interface of its requests.</typeparam>
internal sealed class AggregateRegistration<TState, TRequest> : AggregateRegistration
    where TState : class
    where TRequest : IBorderSecurityRequest
{
    private readonly Func<TState?, IBorderSecurityEvent, TState?> _evolve;
    private readonly Func<TState?, TRequest, IReadOnlyCollection<IBorderSecurityEvent>, IReadOnlyList<IBorderSecurityEvent>> _decide;
    private readonly List<Type> _requests = [];
    private readonly List<EventRegistration> _events = [];
    private readonly List<LegacyEventShape> _legacyEvents = [];
    private readonly List<LegacyRequestShape> _legacyRequests = [];
    private readonly Dictionary<Type, Func<IBorderSecurityRequest, IEnumerable<StreamId?>>> _references = [];

    /// <summary>Starts an aggregate's registration.</summary>
    /// <param name="kind">Its kind.</param>
    /// <param name="evolve">Its Evolve.</param>
    /// <param name="decide">Its decider, given the folded state, the request and the referenced stream's events.</param>
    public AggregateRegistration(AggregateKind kind, Func<TState?, IBorderSecurityEvent, TState?> evolve,
        Func<TState?, TRequest, IReadOnlyCollection<IBorderSecurityEvent>, IReadOnlyList<IBorderSecurityEvent>> decide)
        : base(kind)
    {
        _evolve = evolve;
        _decide = decide;
    }

    /// <inheritdoc />
    public override Type RequestInterface => typeof(TRequest);

    /// <inheritdoc />
    public override IReadOnlyList<Type> RequestTypes => _requests;

    /// <inheritdoc />
    public override IReadOnlyList<EventRegistration> Events => _events;

    /// <inheritdoc />
    public override IReadOnlyList<LegacyEventShape> LegacyEvents => _legacyEvents;

    /// <inheritdoc />
    public override IReadOnlyList<LegacyRequestShape> LegacyRequests => _legacyRequests;

    /// <summary>Registers the aggregate's request types.</summary>
    /// <param name="types">Request types, each implementing <typeparamref name="TRequest"/>.</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> Requests(params Type[] types)
    {
        foreach (var type in types)
        {
            if (!typeof(TRequest).IsAssignableFrom(type))
            {
                throw new InvalidOperationException($"{type.Name} is registered as a {Kind} request but does not implement {typeof(TRequest).Name}.");
            }

            _requests.Add(type);
        }

        return this;
    }

    /// <summary>Registers the stream a request refers to besides its own (whose history its decider needs).</summary>
    /// <typeparam name="TReferring">A request type of this aggregate.</typeparam>
    /// <param name="referenced">The referenced stream's id, or <see langword="null"/>.</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> Refers<TReferring>(Func<TReferring, StreamId?> referenced)
        where TReferring : TRequest
    {
        _references.Add(typeof(TReferring), r => [referenced((TReferring)r)]);
        return this;
    }

    /// <summary>Registers the streams a request refers to besides its own (whose histories its decider needs), for a request that names several.</summary>
    /// <typeparam name="TReferring">A request type of this aggregate.</typeparam>
    /// <param name="referenced">The referenced streams' ids (null entries and a null list are ignored: the decider refuses them naming the field).</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> RefersToEach<TReferring>(Func<TReferring, IEnumerable<StreamId?>?> referenced)
        where TReferring : TRequest
    {
        _references.Add(typeof(TReferring), r => referenced((TReferring)r) ?? []);
        return this;
    }

    /// <summary>Registers an event type: the kind of change it is, its description, what it states (<see cref="States.Nothing"/> for none) and the figure it moves.</summary>
    /// <typeparam name="TEvent">The event type; its wire name is its <see cref="EventNameAttribute"/>.</typeparam>
    /// <param name="change">The kind of change it is, in change answers (<see cref="Changes.ChangeClassification"/>).</param>
    /// <param name="describe">A one-line, plain-English description for timelines.</param>
    /// <param name="states">The figures it states.</param>
    /// <param name="moves">The figure (and dimension) whose value before and after change answers report, or <see langword="null"/> when it moves none.</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> Event<TEvent>(Changes.ChangeKind change, Func<TEvent, string> describe,
        Func<TEvent, IReadOnlyList<FigureStatement>> states, Func<TEvent, (string Figure, string Dimension)>? moves = null)
        where TEvent : class, IBorderSecurityEvent
    {
        var name = typeof(TEvent).GetCustomAttribute<EventNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TEvent).Name} has no [EventName].");
        _events.Add(new EventRegistration(typeof(TEvent), name, Kind, change, e => describe((TEvent)e), e => states((TEvent)e),
            moves is null ? null : e => moves((TEvent)e)));
        return this;
    }

    /// <summary>Registers a stored event shape the model reads but no longer writes.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> LegacyEvent(LegacyEventShape shape)
    {
        _legacyEvents.Add(shape);
        return this;
    }

    /// <summary>Registers a request shape of earlier timeline formats.</summary>
    /// <param name="shape">The shape.</param>
    /// <returns>This registration.</returns>
    public AggregateRegistration<TState, TRequest> LegacyRequest(LegacyRequestShape shape)
    {
        _legacyRequests.Add(shape);
        return this;
    }

    /// <inheritdoc />
    public override IReadOnlyList<IBorderSecurityEvent> Decide(IReadOnlyList<IBorderSecurityEvent> history, IBorderSecurityRequest request,
        IReadOnlyCollection<IBorderSecurityEvent> referenced) =>
        _decide(Evolve(history), (TRequest)request, referenced);

    /// <inheritdoc />
    public override IReadOnlyList<StreamId> ReferencedStreamsOf(IBorderSecurityRequest request) =>
        _references.TryGetValue(request.GetType(), out var referenced)
            ? [.. referenced(request).OfType<StreamId>().DistinctBy(id => id.Value, StringComparer.Ordinal)]
            : [];

    /// <inheritdoc />
    public override object? Fold(IEnumerable<IBorderSecurityEvent> history) => Evolve(history);

    private TState? Evolve(IEnumerable<IBorderSecurityEvent> history) => history.Aggregate((TState?)null, _evolve);
}

/// <summary>One event type's parts.</summary>
/// <param name="Type">The event type.</param>
/// <param name="WireName">Its stable wire name.</param>
/// <param name="Aggregate">Its aggregate.</param>
/// <param name="Change">The kind of change it is.</param>
/// <param name="Describe">Its one-line description.</param>
/// <param name="States">The figures it states (empty for none).</param>
/// <param name="Moves">The figure it moves, or <see langword="null"/>.</param>
internal sealed record EventRegistration(
    Type Type,
    string WireName,
    AggregateKind Aggregate,
    Changes.ChangeKind Change,
    Func<IBorderSecurityEvent, string> Describe,
    Func<IBorderSecurityEvent, IReadOnlyList<FigureStatement>> States,
    Func<IBorderSecurityEvent, (string Figure, string Dimension)>? Moves);

/// <summary>The figures events move, for registrations.</summary>
internal static class Moves
{
    /// <summary>A commitment's amount.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The figure.</returns>
    public static (string Figure, string Dimension) Amount(IBorderSecurityEvent e) => (Figures.Amount, "");

    /// <summary>A target's headcount.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The figure.</returns>
    public static (string Figure, string Dimension) Headcount(IBorderSecurityEvent e) => (Figures.Headcount, "");

    /// <summary>A target's people in post.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The figure.</returns>
    public static (string Figure, string Dimension) InPost(IBorderSecurityEvent e) => (Figures.InPost, "");
}

/// <summary>Statement helpers for registrations.</summary>
internal static class States
{
    private static readonly IReadOnlyList<FigureStatement> None = [];

    /// <summary>For an event that states no figure (its facts are folded by its aggregate's Evolve, not kept as statements).</summary>
    /// <param name="e">The event.</param>
    /// <returns>No statements.</returns>
    public static IReadOnlyList<FigureStatement> Nothing(IBorderSecurityEvent e) => None;
}
