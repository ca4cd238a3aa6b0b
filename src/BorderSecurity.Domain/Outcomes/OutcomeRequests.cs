namespace BorderSecurity.Domain.Outcomes;

/// <summary>A request to define an outcome indicator or record its values. Decided by <see cref="OutcomeIndicatorDecider"/>.</summary>
public interface IOutcomeRequest : IBorderSecurityRequest;

/// <summary>Define an outcome indicator. Emits <see cref="IndicatorDefined"/>.</summary>
public sealed record DefineIndicator : IOutcomeRequest
{
    /// <summary>The new indicator's stream id.</summary>
    public required IndicatorId IndicatorId { get; init; }

    /// <summary>Its name, for example <c>People arriving in small boats</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What one counts, for example <c>people</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>Whether each value counts a period (<see cref="IndicatorMeasure.OverPeriod"/>) or one date (<see cref="IndicatorMeasure.OnDate"/>).</summary>
    public required IndicatorMeasure Measure { get; init; }

    /// <summary>The first day it counts: no value's period may start before it.</summary>
    public required LocalDate ValidOn { get; init; }

    /// <summary>The sources that describe it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="IndicatorId"/>.</summary>
    public StreamId StreamId => IndicatorId;
}

/// <summary>Record the first release of an indicator's value for a period. Emits <see cref="OutcomeReleased"/>, dated the period's last day.</summary>
public sealed record ReleaseOutcome : IOutcomeRequest
{
    /// <summary>The indicator's stream id.</summary>
    public required IndicatorId IndicatorId { get; init; }

    /// <summary>The days it counts: for an indicator measured on a date, one day.</summary>
    public required CountPeriod Period { get; init; }

    /// <summary>The count; zero or more.</summary>
    public required long Count { get; init; }

    /// <summary>How exactly the source states it; <see cref="OutcomeQualifier.Exact"/> (the default) for a plain figure.</summary>
    public OutcomeQualifier Qualifier { get; init; }

    /// <summary>What kind of release it comes from.</summary>
    public required ReleaseStatus Status { get; init; }

    /// <summary>The sources that released it.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="IndicatorId"/>.</summary>
    public StreamId StreamId => IndicatorId;
}

/// <summary>Record a later release replacing a released value for the same period. Emits <see cref="OutcomeRevised"/>, dated the period's last day.</summary>
public sealed record ReviseOutcome : IOutcomeRequest
{
    /// <summary>The indicator's stream id.</summary>
    public required IndicatorId IndicatorId { get; init; }

    /// <summary>The days it counts, exactly as released before.</summary>
    public required CountPeriod Period { get; init; }

    /// <summary>The new count; zero or more.</summary>
    public required long Count { get; init; }

    /// <summary>How exactly the new source states it; <see cref="OutcomeQualifier.Exact"/> (the default) for a plain figure.</summary>
    public OutcomeQualifier Qualifier { get; init; }

    /// <summary>What kind of release the new value comes from, for example <see cref="ReleaseStatus.Revised"/>.</summary>
    public required ReleaseStatus Status { get; init; }

    /// <summary>What changed it.</summary>
    public required string Reason { get; init; }

    /// <summary>The sources of the new release.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The stream the request is for: <see cref="IndicatorId"/>.</summary>
    public StreamId StreamId => IndicatorId;
}
