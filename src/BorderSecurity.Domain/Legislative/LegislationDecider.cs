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
    /// exist (<c>LegislationMustExist</c>). A bill is introduced once, in the Commons or the Lords (<c>AlreadyIntroduced</c>),
    /// and takes no stage before (<c>BillNotIntroduced</c>). In each House it passes 1st reading, 2nd reading, Committee
    /// stage, Report stage (which may be skipped) and 3rd reading in order, the originating House first; then the Houses
    /// consider each other's amendments in turn, the originating House first, as many rounds as it takes; Royal Assent
    /// follows the second House's 3rd reading or any round of consideration (<c>StageOutOfOrder</c>, naming the stages
    /// that may come next). No step is dated before the one it follows (<c>StageBeforePreviousStage</c>). Nothing happens
    /// to a bill that ended (<c>BillHasEnded</c>) and no parliamentary stage, carry-over or ending after Royal Assent
    /// (<c>AfterRoyalAssent</c>); only a bill before Parliament is carried over (<c>NotABillBeforeParliament</c>), and only
    /// into a later session than the one it is in (<c>CarriedIntoLaterSession</c>; sessions are named <c>YYYY-YY</c>, see
    /// <see cref="ParliamentarySessions.Parse"/>). Only an
    /// Act commences or is repealed (<c>NotAnAct</c>), a repealed Act changes no more (<c>AlreadyRepealed</c>), and a
    /// provision commences once (<c>ProvisionAlreadyInForce</c>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(Legislation? state, ILegislationRequest request)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            AnnounceLegislation r => [Announce(state, r)],
            RecordEnactedLegislation r => [RecordEnacted(state, r)],
            IntroduceBill r => [Introduce(state, r)],
            _ when state is null => throw Broken("LegislationMustExist", $"legislation '{request.StreamId}' does not exist; announce, introduce or record it first."),
            StartParliamentaryStage r => [StartStage(state, r)],
            CompleteParliamentaryStage r => [CompleteStage(state, r)],
            CarryOverBill r => [CarryOver(state, r)],
            EndBill r => [End(state, r)],
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
        MustNotExist(state, r.LegislationId.Value);
        return new LegislationAnnounced(r.LegislationId.Value, title, announcedIn, r.ValidOn, provenance);
    }

    private static EnactedLegislationRecorded RecordEnacted(Legislation? state, RecordEnactedLegislation r)
    {
        var title = Guard.Against.InvalidText(r.Title, nameof(r.Title));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustNotExist(state, r.LegislationId.Value);
        return new EnactedLegislationRecorded(r.LegislationId.Value, title, r.RoyalAssentOn, provenance);
    }

    private static BillIntroduced Introduce(Legislation? state, IntroduceBill r)
    {
        var title = Guard.Against.InvalidText(r.Title, nameof(r.Title));
        var house = Guard.Against.UndefinedEnum(r.House, nameof(r.House));
        if (house == ParliamentHouse.NotStated)
        {
            throw new ArgumentException("House must be Commons or Lords.", nameof(r.House));
        }

        var session = r.Session is null ? null : ParliamentarySessions.Parse(r.Session, nameof(r.Session));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (state is not null)
        {
            StillABill(state);
            if (state.Position is not null || state.Stage != LegislationStage.Announced)
            {
                throw Broken("AlreadyIntroduced", $"'{state.Title}' was already introduced in the {BillStages.NameOf(state.OriginatingHouse ?? ParliamentHouse.NotStated)}.");
            }

            NotBeforeLastStage(state, r.ValidOn);
        }

        return new BillIntroduced(r.LegislationId.Value, title, BillStages.NameOf(house), session, r.ValidOn, provenance);
    }

    private static ParliamentaryStageStarted StartStage(Legislation state, StartParliamentaryStage r)
    {
        var (house, stage, provenance) = NextStage(state, r.House, r.Stage, r.Provenance, "begin");
        if (state.UnderWay is { } underWay && underWay.House == house && underWay.Stage == stage)
        {
            throw Broken("StageAlreadyUnderWay", $"'{state.Title}' has had {underWay.Name} under way since {underWay.On:yyyy-MM-dd}.");
        }

        NotBeforeLastStage(state, r.ValidOn);
        return new ParliamentaryStageStarted(state.LegislationId, house, stage, r.ValidOn, provenance);
    }

    private static ParliamentaryStageCompleted CompleteStage(Legislation state, CompleteParliamentaryStage r)
    {
        var (house, stage, provenance) = NextStage(state, r.House, r.Stage, r.Provenance, "come");
        NotBeforeLastStage(state, r.ValidOn);
        if (state.UnderWay is { } underWay && r.ValidOn < underWay.On)
        {
            throw Broken("StageBeforePreviousStage", $"{r.ValidOn:yyyy-MM-dd} is before {underWay.Name} began on {underWay.On:yyyy-MM-dd}.");
        }

        return new ParliamentaryStageCompleted(state.LegislationId, house, stage, r.ValidOn, provenance);
    }

    private static BillCarriedOver CarryOver(Legislation state, CarryOverBill r)
    {
        var session = ParliamentarySessions.Parse(r.IntoSession, nameof(r.IntoSession));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        StillABill(state);
        if (state.Position is null)
        {
            throw Broken("NotABillBeforeParliament", $"'{state.Title}' is not before Parliament (not introduced); only a bill before Parliament is carried over.");
        }

        // A session stored in free text (before names were checked) cannot be ordered, so any valid session may follow it.
        if (ParliamentarySessions.TryParse(state.Session, out var current) && !ParliamentarySessions.Follows(session, current))
        {
            throw Broken("CarriedIntoLaterSession",
                $"'{state.Title}' is in session {current}; it can be carried over only into a later session, one opening in {ParliamentarySessions.EndYear(current)} or after (was '{session}').");
        }

        NotBeforeLastStage(state, r.ValidOn);
        return new BillCarriedOver(state.LegislationId, session, r.ValidOn, provenance);
    }

    private static BillEnded End(Legislation state, EndBill r)
    {
        var how = Guard.Against.UndefinedEnum(r.How, nameof(r.How));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        StillABill(state);
        NotBeforeLastStage(state, r.ValidOn);
        return new BillEnded(state.LegislationId, how, r.ValidOn, provenance);
    }

    private static RoyalAssentGranted Assent(Legislation state, GrantRoyalAssent r)
    {
        var title = Guard.Against.InvalidText(r.ActTitle, nameof(r.ActTitle));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        StillABill(state);
        if (!AssentMayFollow(state))
        {
            throw Broken("StageOutOfOrder", $"'{state.Title}' {Where(state)}; Royal Assent cannot come next. Next: {Describe(NextSteps(state))}.");
        }

        NotBeforeLastStage(state, r.ValidOn);
        return new RoyalAssentGranted(state.LegislationId, title, r.ValidOn, provenance);
    }

    private static LegislationCommenced Commence(Legislation state, CommenceLegislation r)
    {
        Guard.Against.Null(r.Provisions, nameof(r.Provisions));
        if (r.Provisions.Count == 0)
        {
            throw new ArgumentException("Provisions must name at least one provision, for example 'section 1'.", nameof(r.Provisions));
        }

        var provisions = r.Provisions.Select(p => Guard.Against.InvalidText(p, nameof(r.Provisions)).Trim()).ToArray();
        if (provisions.Distinct(StringComparer.Ordinal).Count() != provisions.Length)
        {
            throw new ArgumentException("Provisions must not name the same provision twice.", nameof(r.Provisions));
        }

        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustBeLiveAct(state, r.ValidOn);
        if (provisions.FirstOrDefault(state.Provisions.ContainsKey) is { } inForce)
        {
            throw Broken("ProvisionAlreadyInForce",
                $"{inForce} of '{state.Title}' has been in force since {state.Provisions[inForce].Since:yyyy-MM-dd}.");
        }

        return new LegislationCommenced(state.LegislationId, provisions, r.ValidOn, provenance);
    }

    private static LegislationRepealed Repeal(Legislation state, RepealLegislation r)
    {
        var repealedBy = Guard.Against.InvalidText(r.RepealedBy, nameof(r.RepealedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustBeLiveAct(state, r.ValidOn);
        return new LegislationRepealed(state.LegislationId, repealedBy, r.ValidOn, provenance);
    }

    /// <summary>The (House, stage) pairs that may come next: the one place the order of a bill's stages is written.</summary>
    private static HashSet<(ParliamentHouse House, BillStage Stage)> NextSteps(Legislation state)
    {
        if (state.Position is not { } at || state.OriginatingHouse is not { } origin)
        {
            return [];
        }

        var second = BillStages.Other(origin);
        return at.Stage switch
        {
            BillStage.FirstReading => [(at.House, BillStage.SecondReading)],
            BillStage.SecondReading => [(at.House, BillStage.CommitteeStage)],
            BillStage.CommitteeStage => [(at.House, BillStage.ReportStage), (at.House, BillStage.ThirdReading)],
            BillStage.ReportStage => [(at.House, BillStage.ThirdReading)],
            BillStage.ThirdReading when at.House == origin => [(second, BillStage.FirstReading), (second, BillStage.StagesNotStated)],
            BillStage.ThirdReading or BillStage.StagesNotStated => [(origin, BillStage.ConsiderationOfAmendments)],
            BillStage.ConsiderationOfAmendments => [(BillStages.Other(at.House), BillStage.ConsiderationOfAmendments)],
            _ => [],
        };
    }

    private static bool AssentMayFollow(Legislation state) =>
        state.Position is { } at && state.OriginatingHouse is { } origin
        && ((at.Stage is BillStage.ThirdReading or BillStage.StagesNotStated && at.House != origin)
            || at.Stage == BillStage.ConsiderationOfAmendments);

    private static string Where(Legislation state) =>
        state.Position is { } at ? $"last completed {at.Name} on {at.On:yyyy-MM-dd}" : $"is at {state.Stage} (not introduced)";

    private static string Describe(IReadOnlyCollection<(ParliamentHouse House, BillStage Stage)> next) =>
        next.Count == 0 ? "nothing in Parliament" : string.Join(" or ", next.Select(n => $"{BillStages.NameOf(n.Stage, n.House)} in the {BillStages.NameOf(n.House)}"));

    /// <summary>A bill that ended or has Royal Assent takes no more parliamentary steps.</summary>
    private static void StillABill(Legislation state)
    {
        if (state.Ending is { } ending)
        {
            throw Broken("BillHasEnded", $"'{state.Title}' ended ({ending}) on {state.LastStageOn:yyyy-MM-dd}; nothing happens to it after.");
        }

        if (state.IsAct)
        {
            throw Broken("AfterRoyalAssent", $"'{state.Title}' had Royal Assent on {state.RoyalAssentOn:yyyy-MM-dd}; it takes no parliamentary step after.");
        }
    }

    private static void MustBeLiveAct(Legislation state, LocalDate on)
    {
        if (state.Stage == LegislationStage.Repealed)
        {
            throw Broken("AlreadyRepealed", $"'{state.Title}' was repealed on {state.LastStageOn:yyyy-MM-dd}.");
        }

        if (state.Ending is { } ending)
        {
            throw Broken("BillHasEnded", $"'{state.Title}' ended ({ending}) without Royal Assent; it never became an Act.");
        }

        if (!state.IsAct)
        {
            throw Broken("NotAnAct", $"'{state.Title}' is at {state.Stage}; only an Act with Royal Assent can commence or be repealed.");
        }

        NotBeforeLastStage(state, on);
    }

    // The rules a stage begun or completed shares: a House named, a stage from the list, a bill still before Parliament and
    // introduced, and the stage one of those that may come next.
    private static (ParliamentHouse House, BillStage Stage, Provenance Provenance) NextStage(Legislation state, ParliamentHouse house, BillStage stage,
        Provenance? provenance, string verb)
    {
        Guard.Against.UndefinedEnum(house, "House");
        if (house == ParliamentHouse.NotStated)
        {
            throw new ArgumentException("House must be Commons or Lords.", "House");
        }

        Guard.Against.UndefinedEnum(stage, "Stage");
        var checkedProvenance = Guard.Against.Null(provenance, "Provenance");
        StillABill(state);
        if (state.Position is null)
        {
            throw Broken("BillNotIntroduced", $"'{state.Title}' is not introduced; record its introduction (its 1st reading in the originating House) with {nameof(IntroduceBill)}.");
        }

        var next = NextSteps(state);
        if (!next.Contains((house, stage)))
        {
            throw Broken("StageOutOfOrder", $"'{state.Title}' {Where(state)}; {BillStages.NameOf(stage, house)} in the {BillStages.NameOf(house)} cannot {verb} next. Next: {Describe(next)}.");
        }

        return (house, stage, checkedProvenance);
    }

    private static void NotBeforeLastStage(Legislation state, LocalDate on)
    {
        if (on < state.LastStageOn)
        {
            throw Broken("StageBeforePreviousStage",
                $"{on:yyyy-MM-dd} is before '{state.Title}' reached {state.History[^1].Name} on {state.LastStageOn:yyyy-MM-dd}.");
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
