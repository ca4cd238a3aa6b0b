
namespace BorderSecurity.Domain.Changes;

/// <summary>
/// What kind of change each event type is (<see cref="ChangeKind"/>) and which figure it moves, if any
/// (<see cref="FigureOf"/>), as its aggregate's registration says (<c>.Event&lt;T&gt;(ChangeKind.…, …, moves: …)</c> in
/// e.g. <c>Funding/FundingCommitmentAggregate.cs</c>). Both stores classify through it.
/// </summary>
public static class ChangeClassification
{
    /// <summary>The kind of change an event is: one kind per event type.</summary>
    /// <param name="event">The event.</param>
    /// <returns>Its kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException">The event's type is not of the model.</exception>
    public static ChangeKind Of(IBorderSecurityEvent @event) => Aggregates.Of(Guard.Against.Null(@event)).Change;

    /// <summary>
    /// The figure an event moves or restates, whose value before and after a change answers report: a commitment's
    /// amount (<see cref="Figures.Amount"/>), an allocation to a capability (<see cref="Figures.Allocation"/>, the
    /// capability as dimension), a target's headcount (<see cref="Figures.Headcount"/>) or people in post
    /// (<see cref="Figures.InPost"/>); none for events about no figure.
    /// </summary>
    /// <param name="event">The event.</param>
    /// <returns>The figure and its dimension, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    public static (string Figure, string Dimension)? FigureOf(IBorderSecurityEvent @event) => Aggregates.Of(Guard.Against.Null(@event)).Moves?.Invoke(@event);
}
