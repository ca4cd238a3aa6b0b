namespace BorderSecurity.Domain.Pledges;

/// <summary>
/// Every rule of a pledge, in one place: turns a request and the pledge's current state into events, or raises
/// <see cref="DomainRuleViolationException"/> naming the rule (or <see cref="ArgumentException"/> naming the field) and
/// emits nothing.
/// </summary>
public static class PledgeDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The pledge as currently recorded, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <param name="referenced">
    /// The aggregate the request's referenced stream holds in the store as recorded now (<see cref="MakePledge.PartOf"/>, or
    /// <see cref="LinkPledgeDeliverer.SubjectId"/>), or <see langword="null"/> when it has no events.
    /// </param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: a pledge is made once (<c>PledgeAlreadyMade</c>), with a text and who made it; a part names a recorded pledge
    /// as its whole (<c>WholePledgeMustExist</c>, naming <c>PartOf</c>), never itself. What delivers it is linked to a
    /// recorded pledge (<c>PledgeMustBeMade</c>), not before it was made (<c>LinkBeforePledge</c>), once
    /// (<c>DelivererAlreadyLinked</c>), and must be a commitment, target, bill or Act, command or indicator the store holds
    /// (<c>DelivererMustExist</c>, naming <c>SubjectId</c>). A verdict is given on a
    /// recorded pledge (<c>PledgeMustBeMade</c>), not dated before it was made (<c>VerdictBeforePledge</c>), by a named
    /// assessor, with a rating from the list and its evidence in words.
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(Pledge? state, IPledgeRequest request, AggregateKind? referenced = null)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            MakePledge r => [Make(state, r, referenced)],
            LinkPledgeDeliverer r => [Link(state, r, referenced)],
            GiveVerdict r => [Judge(state, r)],
            _ => throw new ArgumentException($"Unknown pledge request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static PledgeMade Make(Pledge? state, MakePledge r, AggregateKind? partOf)
    {
        var text = Guard.Against.InvalidText(r.Text, nameof(r.Text));
        var madeBy = Guard.Against.InvalidText(r.MadeBy, nameof(r.MadeBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (r.PartOf is { } whole)
        {
            if (whole.Value == r.PledgeId.Value)
            {
                throw new ArgumentException($"pledge '{r.PledgeId}' cannot be a part of itself.", nameof(r.PartOf));
            }

            if (partOf is not AggregateKind.Pledge)
            {
                throw Broken("WholePledgeMustExist",
                    $"PartOf '{whole}' of pledge '{r.PledgeId}' names {(partOf is null ? "no stream in the store" : $"a {partOf}")}; record the whole pledge first.");
            }
        }

        if (state is not null)
        {
            throw Broken("PledgeAlreadyMade", $"pledge '{r.PledgeId}' was already made on {state.MadeOn:yyyy-MM-dd}.");
        }

        return new PledgeMade(r.PledgeId.Value, text, madeBy, r.PartOf?.Value, r.ValidOn, provenance);
    }

    private static PledgeDelivererLinked Link(Pledge? state, LinkPledgeDeliverer r, AggregateKind? subject)
    {
        var subjectId = Guard.Against.Null(r.SubjectId, nameof(r.SubjectId)).Value;
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is null)
        {
            throw Broken("PledgeMustBeMade", $"pledge '{r.PledgeId}' is not recorded; record it with MakePledge before linking what delivers it.");
        }

        if (subject is null or AggregateKind.Pledge or AggregateKind.Dispute)
        {
            throw Broken("DelivererMustExist", subject is null
                ? $"SubjectId '{subjectId}' names no stream in the store; record the commitment, target, bill, command or indicator before linking it to pledge '{r.PledgeId}'."
                : $"SubjectId '{subjectId}' names a {subject}; a pledge is delivered by a commitment, target, bill or Act, command or indicator.");
        }

        if (state.DeliveredBy.Contains(subjectId))
        {
            throw Broken("DelivererAlreadyLinked", $"'{subjectId}' is already linked to pledge '{r.PledgeId}'.");
        }

        if (r.ValidOn < state.MadeOn)
        {
            throw Broken("LinkBeforePledge", $"pledge '{r.PledgeId}' was made on {state.MadeOn:yyyy-MM-dd}; nothing is linked to it from {r.ValidOn:yyyy-MM-dd}.");
        }

        return new PledgeDelivererLinked(r.PledgeId.Value, subjectId, r.ValidOn, provenance);
    }

    private static VerdictGiven Judge(Pledge? state, GiveVerdict r)
    {
        var assessor = Guard.Against.InvalidText(r.Assessor, nameof(r.Assessor));
        var evidence = Guard.Against.InvalidText(r.Evidence, nameof(r.Evidence));
        var rating = Guard.Against.UndefinedEnum(r.Rating, nameof(r.Rating));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is null)
        {
            throw Broken("PledgeMustBeMade", $"pledge '{r.PledgeId}' is not recorded; record it with MakePledge before giving a verdict on it.");
        }

        if (r.ValidOn < state.MadeOn)
        {
            throw Broken("VerdictBeforePledge", $"pledge '{r.PledgeId}' was made on {state.MadeOn:yyyy-MM-dd}; a verdict cannot stand from {r.ValidOn:yyyy-MM-dd}.");
        }

        return new VerdictGiven(r.PledgeId.Value, assessor, rating, evidence, r.ValidOn, provenance);
    }

    private static DomainRuleViolationException Broken(string rule, string detail) => new(Pledge.AggregateName, rule, detail);
}
