using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Outcomes;

/// <summary>The outcome indicator, registered once: its requests, decider, evolve, and each event's wire name and description.</summary>
internal static class OutcomeIndicatorAggregate
{
    /// <summary>The registration (see <see cref="AggregateRegistration"/>). Indicators state no figures: their state is folded whole.</summary>
    public static AggregateRegistration<OutcomeIndicator, IOutcomeRequest> Registration { get; } =
        new AggregateRegistration<OutcomeIndicator, IOutcomeRequest>(AggregateKind.OutcomeIndicator, OutcomeIndicator.Evolve,
                (state, request, _) => OutcomeIndicatorDecider.Decide(state, request))
            .Requests(typeof(DefineIndicator), typeof(ReleaseOutcome), typeof(ReviseOutcome))
            .Event<IndicatorDefined>(ChangeKind.New, e => $"Indicator defined: {e.Name} ({e.Unit}), counted from {e.ValidOn:yyyy-MM-dd}", States.Nothing)
            .Event<OutcomeReleased>(
                ChangeKind.Progress,
                e => $"{e.IndicatorId} for {e.Period}: {Stated(e.Count, e.Qualifier)} ({e.Status})",
                States.Nothing)
            .Event<OutcomeRevised>(
                ChangeKind.Revision,
                e => $"{e.IndicatorId} for {e.Period} revised to {Stated(e.Count, e.Qualifier)} ({e.Status}): {e.Reason}",
                States.Nothing);

    private static string Stated(long count, OutcomeQualifier qualifier) => new OutcomeRelease(count, qualifier, ReleaseStatus.Reported, null, []).Stated;
}
