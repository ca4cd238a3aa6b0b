namespace BorderSecurity.Domain.Outcomes;

/// <summary>An outcome indicator was defined: what it counts, in what unit, from which date. Creates the indicator.</summary>
/// <param name="IndicatorId">The indicator's stream id.</param>
/// <param name="Name">Its name, for example <c>People arriving in small boats</c>.</param>
/// <param name="Unit">What one counts, for example <c>people</c>.</param>
/// <param name="Measure">Whether each value counts a period or a level on one date.</param>
/// <param name="ValidOn">The first day it counts: no value's period starts before it.</param>
/// <param name="Provenance">The sources that describe it.</param>
[EventName("outcome.indicator-defined.v1")]
public sealed record IndicatorDefined(
    string IndicatorId, string Name, string Unit, IndicatorMeasure Measure, LocalDate ValidOn, Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => IndicatorId;
}

/// <summary>A value of an indicator was first released for a period. Dated the period's last day (<see cref="CountPeriod.To"/>).</summary>
/// <param name="IndicatorId">The indicator's stream id.</param>
/// <param name="Period">The days it counts.</param>
/// <param name="Count">The count, zero or more.</param>
/// <param name="Qualifier">How exactly the source states it.</param>
/// <param name="Status">What kind of release it comes from.</param>
/// <param name="ValidOn">The period's last day.</param>
/// <param name="Provenance">The sources that released it.</param>
[EventName("outcome.released.v1")]
public sealed record OutcomeReleased(
    string IndicatorId, CountPeriod Period, long Count, OutcomeQualifier Qualifier, ReleaseStatus Status, LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => IndicatorId;
}

/// <summary>
/// A released value was replaced by a later release for the same period (provisional to revised, or a correction). Dated the
/// period's last day: asked with a known-at instant before it became known, the earlier release is still the value.
/// </summary>
/// <param name="IndicatorId">The indicator's stream id.</param>
/// <param name="Period">The days it counts, as released before.</param>
/// <param name="Count">The new count, zero or more.</param>
/// <param name="Qualifier">How exactly the new source states it.</param>
/// <param name="Status">What kind of release the new value comes from.</param>
/// <param name="Reason">What changed it, for example <c>official statistics published</c>.</param>
/// <param name="ValidOn">The period's last day.</param>
/// <param name="Provenance">The sources of the new release.</param>
[EventName("outcome.revised.v1")]
public sealed record OutcomeRevised(
    string IndicatorId, CountPeriod Period, long Count, OutcomeQualifier Qualifier, ReleaseStatus Status, string Reason, LocalDate ValidOn,
    Provenance Provenance) : IBorderSecurityEvent
{
    /// <inheritdoc />
    public string StreamId => IndicatorId;
}
