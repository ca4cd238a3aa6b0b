namespace BorderSecurity.Domain.Legislative;

/// <summary>
/// Every rule of a piece of legislation, in one place: turns a request and the legislation's current state into
/// events, or raises <see cref="DomainRuleViolationException"/> naming the rule and emits nothing.
/// </summary>
public static class LegislationDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The legislation as currently known, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid; the message names it.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: legislation is created once (<c>LegislationAlreadyExists</c>) and nothing happens to legislation that does not
    /// exist (<c>LegislationMustExist</c>); a bill passes its stages one at a time in order (<c>StageOutOfOrder</c>: a third
    /// reading cannot come before the second), never dated before the stage it follows (<c>StageBeforePreviousStage</c>);
    /// only an Act commences or is repealed (<c>NotAnAct</c>), and a repealed Act changes no more (<c>AlreadyRepealed</c>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(Legislation? state, ILegislationRequest request)
    {
        Guard.Against.Null(request);
        Guard.Against.InvalidStreamId(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            AnnounceLegislation r => [Announce(state, r)],
            RecordEnactedLegislation r => [RecordEnacted(state, r)],
            IntroduceBill r => [Introduce(state, r)],
            _ when state is null => throw Broken("LegislationMustExist", $"legislation '{request.StreamId}' does not exist; announce, introduce or record it first."),
            CompleteParliamentaryStage r => [CompleteStage(state, r)],
            GrantRoyalAssent r => [Assent(state, r)],
            CommenceLegislation r => [Commence(state, r)],
            RepealLegislation r => [Repeal(state, r)],
            _ => throw new ArgumentException($"Unknown legislation request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static LegislationAnnounced Announce(Legislation? state, AnnounceLegislation r)
    {
        var title = Guard.Against.InvalidText(r.Title, nameof(r.Title));
        var announcedIn = Guard.Against.InvalidText(r.AnnouncedIn, nameof(r.AnnouncedIn));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustNotExist(state, r.LegislationId);
        return new LegislationAnnounced(r.LegislationId, title, announcedIn, r.ValidOn, provenance);
    }

    private static EnactedLegislationRecorded RecordEnacted(Legislation? state, RecordEnactedLegislation r)
    {
        var title = Guard.Against.InvalidText(r.Title, nameof(r.Title));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustNotExist(state, r.LegislationId);
        return new EnactedLegislationRecorded(r.LegislationId, title, r.RoyalAssentOn, provenance);
    }

    private static BillIntroduced Introduce(Legislation? state, IntroduceBill r)
    {
        var title = Guard.Against.InvalidText(r.Title, nameof(r.Title));
        var house = Guard.Against.InvalidText(r.House, nameof(r.House));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is not null)
        {
            NextStage(state, LegislationStage.Introduced, r.ValidOn);
        }

        return new BillIntroduced(r.LegislationId, title, house, r.ValidOn, provenance);
    }

    private static ParliamentaryStageCompleted CompleteStage(Legislation state, CompleteParliamentaryStage r)
    {
        var stage = Guard.Against.UndefinedEnum(r.Stage, nameof(r.Stage));
        if (stage is < LegislationStage.SecondReading or > LegislationStage.OtherHouse)
        {
            throw new ArgumentException(
                $"Stage must be a parliamentary stage from {LegislationStage.SecondReading} to {LegislationStage.OtherHouse} (was {stage}); introduction, Royal Assent, commencement and repeal have requests of their own.",
                nameof(r.Stage));
        }

        var house = Guard.Against.InvalidText(r.House, nameof(r.House));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NextStage(state, stage, r.ValidOn);
        return new ParliamentaryStageCompleted(state.LegislationId, stage, house, r.ValidOn, provenance);
    }

    private static RoyalAssentGranted Assent(Legislation state, GrantRoyalAssent r)
    {
        var title = Guard.Against.InvalidText(r.ActTitle, nameof(r.ActTitle));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NextStage(state, LegislationStage.RoyalAssent, r.ValidOn);
        return new RoyalAssentGranted(state.LegislationId, title, r.ValidOn, provenance);
    }

    private static LegislationCommenced Commence(Legislation state, CommenceLegislation r)
    {
        var provisions = Guard.Against.InvalidText(r.Provisions, nameof(r.Provisions));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustBeLiveAct(state, r.ValidOn);
        return new LegislationCommenced(state.LegislationId, provisions, r.ValidOn, provenance);
    }

    private static LegislationRepealed Repeal(Legislation state, RepealLegislation r)
    {
        var repealedBy = Guard.Against.InvalidText(r.RepealedBy, nameof(r.RepealedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustBeLiveAct(state, r.ValidOn);
        return new LegislationRepealed(state.LegislationId, repealedBy, r.ValidOn, provenance);
    }

    private static void NextStage(Legislation state, LegislationStage stage, LocalDate on)
    {
        if (stage != state.Stage + 1)
        {
            throw Broken("StageOutOfOrder",
                $"'{state.Title}' is at {state.Stage}; the next stage is {state.Stage + 1}, not {stage}.");
        }

        NotBeforeLastStage(state, on);
    }

    private static void MustBeLiveAct(Legislation state, LocalDate on)
    {
        if (state.Stage == LegislationStage.Repealed)
        {
            throw Broken("AlreadyRepealed", $"'{state.Title}' was repealed on {state.LastStageOn:yyyy-MM-dd}.");
        }

        if (!state.IsAct)
        {
            throw Broken("NotAnAct", $"'{state.Title}' is at {state.Stage}; only an Act with Royal Assent can commence or be repealed.");
        }

        NotBeforeLastStage(state, on);
    }

    private static void NotBeforeLastStage(Legislation state, LocalDate on)
    {
        if (on < state.LastStageOn)
        {
            throw Broken("StageBeforePreviousStage",
                $"{on:yyyy-MM-dd} is before '{state.Title}' reached {state.History[^1].Stage} on {state.LastStageOn:yyyy-MM-dd}.");
        }
    }

    private static void MustNotExist(Legislation? state, string id)
    {
        if (state is not null)
        {
            throw Broken("LegislationAlreadyExists", $"legislation '{id}' already exists.");
        }
    }

    private static DomainRuleViolationException Broken(string rule, string detail) => new(Legislation.AggregateName, rule, detail);
}
