using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Conformance;

// Disputes against the oracle: every dispute as of the question, and the open disputes each answer lists.
public static partial class OracleAssertions
{
    /// <summary>Disputes (all, or those about one subject) against the oracle's.</summary>
    /// <param name="actual">The answer.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    /// <param name="subjectId">The subject the answer is limited to, or null.</param>
    public static void Disputes(IReadOnlyList<Dispute> actual, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because, string? subjectId = null) =>
        actual.Select(ToOracle).Should().BeEquivalentTo(
            IndependentOracle.Disputes(log, query.AsOf, query.KnownAt, query.RecordedBy).Where(d => subjectId is null || d.SubjectIds.Contains(subjectId)),
            o => o.WithStrictOrdering(), because);

    /// <summary>The open disputes an answer lists against the oracle's open disputes about the subjects it includes.</summary>
    /// <param name="actual">The answer's open disputes.</param>
    /// <param name="subjectIds">The subjects the answer includes, as the oracle finds them.</param>
    /// <param name="log">The log.</param>
    /// <param name="query">The question.</param>
    /// <param name="because">Why.</param>
    public static void OpenDisputes(IReadOnlyList<Dispute> actual, IEnumerable<string> subjectIds, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string because) =>
        actual.Select(ToOracle).Should().BeEquivalentTo(
            IndependentOracle.OpenDisputes(log, subjectIds, query.AsOf, query.KnownAt, query.RecordedBy), o => o.WithStrictOrdering(), because);

    private static async Task DisputeQuestionsAsync(IBorderSecurityQueries store, IReadOnlyList<RecordedEvent> log, AsOfQuery query, string why)
    {
        Disputes(await store.DisputesAsync(query), log, query, why + ", disputes");
        foreach (var subjectId in log.Select(e => e.StreamId).Distinct().Append("funding:none"))
        {
            Disputes(await store.DisputesAboutAsync(new StreamId(subjectId), query), log, query, $"{why}, disputes about {subjectId}", subjectId);
        }

        foreach (var legislationId in LegislationIn(log))
        {
            if (await store.ProvisionsInForceAsync(new LegislationId(legislationId), query) is { } provisions)
            {
                OpenDisputes(provisions.OpenDisputes, [legislationId], log, query, $"{why}, provisions of {legislationId}");
            }
        }
    }

    private static IEnumerable<string> LegislationIn(IReadOnlyList<RecordedEvent> log) =>
        log.Where(e => e.Data is LegislationAnnounced or EnactedLegislationRecorded or BillIntroduced).Select(e => e.StreamId).Distinct();

    private static IndependentOracle.DisputeView ToOracle(Dispute d) =>
        new(d.DisputeId, [.. d.SubjectIds], d.Fact,
            [.. d.Sides.Select(s => $"{s.Says}: {string.Join(", ", s.Provenance.Sources.Select(Key))}")], d.RecordedOn, d.IsOpen,
            d.Resolution?.FavouredSide, d.Resolution?.Resolution, d.Resolution?.On, [.. d.Sources.Select(Key)]);
}
