using BorderSecurity.Domain.Commands;

namespace BorderSecurity.Domain.Projections;

/// <summary>A command at a glance: its state, its funding and its headcount targets, as of a question.</summary>
/// <param name="Query">The question.</param>
/// <param name="Command">The command's state: leader, agencies, units, powers, agreements.</param>
/// <param name="Funding">The funding whose recipient is the command (matched by its name).</param>
/// <param name="Recruitment">The recruitment whose organisation is the command (matched by its name).</param>
public sealed partial record CommandOverview(AsOfQuery Query, Command Command, RecipientFunding Funding, OrganisationRecruitment Recruitment);

/// <summary>One event on the timeline.</summary>
/// <param name="ValidOn">When it happened.</param>
/// <param name="KnownFrom">When it became known (what "known at" questions use).</param>
/// <param name="RecordedAt">When this store recorded it (store-specific: the same history in two stores has different recorded instants).</param>
/// <param name="Sequence">Its position in the log.</param>
/// <param name="StreamId">Its stream.</param>
/// <param name="EventName">Its wire name.</param>
/// <param name="Summary">A one-line description.</param>
/// <param name="Sources">The sources that reported it.</param>
public sealed record TimelineEntry(
    LocalDate ValidOn, Instant KnownFrom, Instant RecordedAt, long Sequence, string StreamId, string EventName, string Summary, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>The timeline entry of a recorded event.</summary>
    /// <param name="recorded">The event.</param>
    /// <returns>The entry.</returns>
    public static TimelineEntry Of(RecordedEvent recorded)
    {
        Guard.Against.Null(recorded);
        return new TimelineEntry(recorded.ValidOn, recorded.KnownFrom, recorded.RecordedAt, recorded.Sequence, recorded.StreamId, recorded.EventName,
            EventDescriptions.Describe(recorded.Data), recorded.Data.Provenance.Sources);
    }
}

/// <summary>One step of a time series: the value from a valid date until the next point.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="From">The valid date from which the value holds.</param>
/// <param name="Value">The value.</param>
public sealed record SeriesPoint<T>(LocalDate From, T Value);
