namespace BorderSecurity.Domain.Disputes;

/// <summary>
/// Every rule of a dispute, in one place: turns a request and the dispute's current state into events, or raises
/// <see cref="DomainRuleViolationException"/> naming the rule (or <see cref="ArgumentException"/> naming the field) and emits nothing.
/// </summary>
public static class DisputeDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The dispute as currently known, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <param name="subjects">
    /// For <see cref="RecordDispute"/>: the aggregate each subject stream (<see cref="RecordDispute.SubjectIds"/>) holds in the
    /// store as recorded now, by stream id; a subject it does not name has no events (then the request breaks
    /// <c>DisputeSubjectMustExist</c>). <see langword="null"/> is the same as empty.
    /// </param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: a dispute is recorded once (<c>DisputeAlreadyRecorded</c>) about one or more subjects named by their stream ids
    /// (<c>DisputeNeedsASubject</c>, none named twice: <c>DisputeSubjectNamedTwice</c>), each of which must already hold a
    /// commitment, target, bill, command, outcome indicator or pledge (<c>DisputeSubjectMustExist</c>, naming <c>SubjectIds[i]</c>), with a
    /// fact and at least two sides (<c>DisputeNeedsTwoSides</c>), each saying something and citing at least one source
    /// (<c>EachSideNeedsASource</c>). Only a recorded dispute is resolved (<c>DisputeMustBeRecorded</c>), only while it is
    /// open (<c>DisputeAlreadyResolved</c>), not before it was recorded (<c>ResolutionBeforeDispute</c>), in favour of one
    /// of its sides (<c>NoSuchSide</c>) or with a resolution in words (<c>ResolutionNeedsASideOrText</c>), and always with why.
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(Dispute? state, IDisputeRequest request, IReadOnlyDictionary<string, AggregateKind>? subjects = null)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            RecordDispute r => [Record(state, r, subjects ?? new Dictionary<string, AggregateKind>())],
            ResolveDispute r => [Resolve(state, r)],
            _ => throw new ArgumentException($"Unknown dispute request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static DisputeRecorded Record(Dispute? state, RecordDispute r, IReadOnlyDictionary<string, AggregateKind> kinds)
    {
        var subjectIds = Guard.Against.Null(r.SubjectIds, nameof(r.SubjectIds));
        var subjects = new List<string>(subjectIds.Count);
        for (var i = 0; i < subjectIds.Count; i++)
        {
            subjects.Add(Guard.Against.Null(subjectIds[i], $"SubjectIds[{i}]").Value);
        }

        var fact = Guard.Against.InvalidText(r.Fact, nameof(r.Fact));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        var sides = r.Sides ?? [];
        if (sides.Count < 2)
        {
            throw Broken("DisputeNeedsTwoSides", $"dispute '{r.DisputeId}' names {sides.Count} side(s) of {fact}; a dispute needs at least two.");
        }

        var checkedSides = new List<DisputeSide>(sides.Count);
        for (var i = 0; i < sides.Count; i++)
        {
            if (sides[i]?.Provenance is not { } sideProvenance)
            {
                throw Broken("EachSideNeedsASource", $"side {i + 1} of dispute '{r.DisputeId}' cites no source (Sides[{i}].Provenance).");
            }

            checkedSides.Add(new DisputeSide(Guard.Against.InvalidText(sides[i].Says, $"Sides[{i}].Says"), sideProvenance));
        }

        if (subjects.Count == 0)
        {
            throw Broken("DisputeNeedsASubject", $"SubjectIds of dispute '{r.DisputeId}' names no subject; name the commitment, target, bill, command, outcome indicator or pledge whose {fact} is disputed.");
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            if (subjects.IndexOf(subject) is var first && first < i)
            {
                throw Broken("DisputeSubjectNamedTwice", $"SubjectIds[{i}] '{subject}' of dispute '{r.DisputeId}' is already SubjectIds[{first}]; name each subject once.");
            }

            var kind = kinds.TryGetValue(subject, out var held) ? held : (AggregateKind?)null;
            if (kind is null or AggregateKind.Dispute)
            {
                throw Broken("DisputeSubjectMustExist", kind is null
                    ? $"SubjectIds[{i}] '{subject}' of dispute '{r.DisputeId}' names no stream in the store; record the commitment, target, bill, command, outcome indicator or pledge before disputing a fact of it."
                    : $"SubjectIds[{i}] '{subject}' of dispute '{r.DisputeId}' names a dispute; a dispute is about a commitment, target, bill, command, outcome indicator or pledge.");
            }
        }

        if (state is not null)
        {
            throw Broken("DisputeAlreadyRecorded", $"dispute '{r.DisputeId}' was already recorded on {state.RecordedOn:yyyy-MM-dd}.");
        }

        return new DisputeRecorded(r.DisputeId.Value, subjects, fact, checkedSides, r.ValidOn, provenance);
    }

    private static DisputeResolved Resolve(Dispute? state, ResolveDispute r)
    {
        var why = Guard.Against.InvalidText(r.Why, nameof(r.Why));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        var text = Guard.Against.InvalidOptionalText(r.Resolution, nameof(r.Resolution));
        if (state is null)
        {
            throw Broken("DisputeMustBeRecorded", $"dispute '{r.DisputeId}' is not recorded; record it before resolving it.");
        }

        if (state.Resolution is { } done)
        {
            throw Broken("DisputeAlreadyResolved", $"dispute '{r.DisputeId}' was already resolved on {done.On:yyyy-MM-dd}; only an open dispute is resolved.");
        }

        if (r.ValidOn < state.RecordedOn)
        {
            throw Broken("ResolutionBeforeDispute", $"dispute '{r.DisputeId}' was recorded on {state.RecordedOn:yyyy-MM-dd}; it cannot be resolved on {r.ValidOn:yyyy-MM-dd}.");
        }

        if (r.FavouredSide is { } side && (side < 1 || side > state.Sides.Count))
        {
            throw Broken("NoSuchSide", $"dispute '{r.DisputeId}' has sides 1 to {state.Sides.Count}; FavouredSide was {side}.");
        }

        var resolution = text ?? (r.FavouredSide is { } favoured
            ? state.Sides[favoured - 1].Says
            : throw Broken("ResolutionNeedsASideOrText", $"resolving dispute '{r.DisputeId}' needs a FavouredSide or a Resolution in words."));
        return new DisputeResolved(r.DisputeId.Value, r.FavouredSide, resolution, why, r.ValidOn, provenance);
    }

    private static DomainRuleViolationException Broken(string rule, string detail) => new(Dispute.AggregateName, rule, detail);
}
