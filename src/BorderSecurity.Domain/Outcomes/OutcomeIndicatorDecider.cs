namespace BorderSecurity.Domain.Outcomes;

/// <summary>
/// Every rule of an outcome indicator, in one place: turns a request and the indicator's current state into events, or
/// raises <see cref="DomainRuleViolationException"/> naming the rule (or <see cref="ArgumentException"/> naming the field)
/// and emits nothing.
/// </summary>
public static class OutcomeIndicatorDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The indicator as currently recorded, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (a negative <c>Count</c>, a <c>Qualifier</c>, <c>Status</c> or
    /// <c>Measure</c> outside its list, a <c>Period</c> that ends before it starts); the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: an indicator is defined once (<c>IndicatorAlreadyDefined</c>) and values are recorded only for a defined one
    /// (<c>IndicatorMustBeDefined</c>). A value's period starts on or after the day the indicator counts from
    /// (<c>PeriodBeforeIndicator</c>) and, for an indicator measured on a date, is one day (<c>OnDateCountsOneDay</c>). A
    /// period is released once (<c>OutcomeAlreadyReleased</c>: a later figure is a revision); only a released value is
    /// revised (<c>OutcomeMustBeReleased</c>), always with a reason, and a revision changes the count, the qualifier or the
    /// status (<c>RevisionChangesNothing</c>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(OutcomeIndicator? state, IOutcomeRequest request)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            DefineIndicator r => [Define(state, r)],
            ReleaseOutcome r => [Release(state, r)],
            ReviseOutcome r => [Revise(state, r)],
            _ => throw new ArgumentException($"Unknown outcome request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static IndicatorDefined Define(OutcomeIndicator? state, DefineIndicator r)
    {
        var name = Guard.Against.InvalidText(r.Name, nameof(r.Name));
        var unit = Guard.Against.InvalidText(r.Unit, nameof(r.Unit));
        var measure = Guard.Against.UndefinedEnum(r.Measure, nameof(r.Measure));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is not null)
        {
            throw Broken("IndicatorAlreadyDefined", $"indicator '{r.IndicatorId}' was already defined ('{state.Name}').");
        }

        return new IndicatorDefined(r.IndicatorId.Value, name, unit, measure, r.ValidOn, provenance);
    }

    private static OutcomeReleased Release(OutcomeIndicator? state, ReleaseOutcome r)
    {
        var (period, count, qualifier, status, provenance) = Checked(r.Period, r.Count, r.Qualifier, r.Status, r.Provenance);
        var indicator = Defined(state, r.IndicatorId, period);
        if (indicator.ValueFor(period) is { } released)
        {
            throw Broken("OutcomeAlreadyReleased",
                $"indicator '{r.IndicatorId}' already has {released.Latest.Stated} for {period}; record a later figure with ReviseOutcome.");
        }

        return new OutcomeReleased(r.IndicatorId.Value, period, count, qualifier, status, period.To, provenance);
    }

    private static OutcomeRevised Revise(OutcomeIndicator? state, ReviseOutcome r)
    {
        var (period, count, qualifier, status, provenance) = Checked(r.Period, r.Count, r.Qualifier, r.Status, r.Provenance);
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var indicator = Defined(state, r.IndicatorId, period);
        if (indicator.ValueFor(period) is not { } value)
        {
            throw Broken("OutcomeMustBeReleased", $"indicator '{r.IndicatorId}' has no value released for {period}; release it with ReleaseOutcome first.");
        }

        if (value.Latest.Count == count && value.Latest.Qualifier == qualifier && value.Latest.Status == status)
        {
            throw Broken("RevisionChangesNothing",
                $"indicator '{r.IndicatorId}' already reads {value.Latest.Stated} ({value.Latest.Status}) for {period}; a revision changes the count, qualifier or status.");
        }

        return new OutcomeRevised(r.IndicatorId.Value, period, count, qualifier, status, reason, period.To, provenance);
    }

    private static (CountPeriod Period, long Count, OutcomeQualifier Qualifier, ReleaseStatus Status, Provenance Provenance) Checked(
        CountPeriod? period, long count, OutcomeQualifier qualifier, ReleaseStatus status, Provenance? provenance)
    {
        Guard.Against.Null(period, "Period");
        if (period.EndsBeforeItStarts)
        {
            throw new ArgumentException($"Period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd}).", "Period");
        }

        Guard.Against.Negative(count, "Count", $"Count must be zero or more (was {count}).");
        return (period, count, Guard.Against.UndefinedEnum(qualifier, "Qualifier"), Guard.Against.UndefinedEnum(status, "Status"),
            Guard.Against.Null(provenance, "Provenance"));
    }

    private static OutcomeIndicator Defined(OutcomeIndicator? state, IndicatorId indicatorId, CountPeriod period)
    {
        if (state is null)
        {
            throw Broken("IndicatorMustBeDefined", $"indicator '{indicatorId}' is not defined; define it with DefineIndicator before recording its values.");
        }

        if (period.From < state.CountsFrom)
        {
            throw Broken("PeriodBeforeIndicator",
                $"Period {period} of indicator '{indicatorId}' starts before the indicator counts ({state.CountsFrom:yyyy-MM-dd}).");
        }

        if (state.Measure == IndicatorMeasure.OnDate && period.From != period.To)
        {
            throw Broken("OnDateCountsOneDay", $"indicator '{indicatorId}' counts a level on one date; Period {period} spans several days.");
        }

        return state;
    }

    private static DomainRuleViolationException Broken(string rule, string detail) => new(OutcomeIndicator.AggregateName, rule, detail);
}
