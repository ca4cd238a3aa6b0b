namespace BorderSecurity.Domain.Funding;

/// <summary>
/// Every rule of a funding commitment, in one place: turns a request and the commitment's current state into
/// events, or raises <see cref="DomainRuleViolationException"/> naming the rule and emits nothing.
/// </summary>
public static class FundingCommitmentDecider
{
    /// <summary>Decides a request.</summary>
    /// <param name="state">The commitment as currently known, or <see langword="null"/> if its stream is empty.</param>
    /// <param name="request">The request.</param>
    /// <param name="referencedAct">
    /// For a <see cref="RedirectFunding"/> naming <see cref="RedirectFunding.FromLegislationId"/>: that legislation's state,
    /// or <see langword="null"/> when it does not exist. Ignored for other requests.
    /// </param>
    /// <returns>The events to append.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (blank text, zero amount, undefined enum); the message names it. Ids and organisations are valid once built.</exception>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="DomainRuleViolationException">A business rule is broken; <see cref="DomainRuleViolationException.Rule"/> names it.</exception>
    /// <remarks>
    /// Rules: money is redirected only from an Act in force on the redirect's date (<c>ProgrammeMustBeAnEnactedAct</c>, when
    /// the programme names legislation); a commitment is created once (<c>CommitmentAlreadyExists</c>); nothing happens to one that does not exist
    /// (<c>CommitmentMustExist</c>) or before its date (<c>NothingBeforeCommitment</c>); nothing but a re-announcement or a
    /// correction happens to a withdrawn one (<c>CommitmentWithdrawn</c>); allocations never exceed the amount on any date
    /// (<c>AllocationsCannotExceedCommitment</c>, <c>RevisionBelowAllocations</c>, <c>CorrectionBelowAllocations</c>);
    /// a revision comes after the commitment's date (<c>RevisionMustFollowCommitment</c>), one a day
    /// (<c>OneRevisionPerDate</c>) and changes the amount (<c>RevisionChangesNothing</c>); a correction changes the
    /// amount (<c>CorrectionChangesNothing</c>); a capability's allocation is stated once a day (<c>OneAllocationPerCapabilityPerDate</c>).
    /// A period is checked field by field (<see cref="ArgumentException"/> naming <c>Period.FirstYear</c>, <c>Period.LastYear</c>,
    /// <c>Period.Profile</c>...): in-year money and a yearly level name their year, a total over years names a first and a later last
    /// year, a period not stated names none; a profile only for in-year money or a total over years, each year inside the span and
    /// once, adding up to the amount on the period's date (for a revision or correction, the rule <c>ProfileMustAddUpToAmount</c>). A period revision comes after the commitment's date
    /// (<c>PeriodRevisionMustFollowCommitment</c>), one a day (<c>OnePeriodRevisionPerDate</c>), and changes the period
    /// (<c>PeriodRevisionChangesNothing</c>); a period correction changes it (<c>PeriodCorrectionChangesNothing</c>).
    /// Spending is reported against a recorded commitment, not dated before it (<c>NothingBeforeCommitment</c>); an outturn is
    /// dated inside its financial year (<c>OutturnInsideItsYear</c>); nothing is spent or planned in a year that begins on or
    /// after the commitment's withdrawal (<c>CommitmentWithdrawn</c>; a year begun before it may still report what was spent);
    /// a report repeating the line's amount on the same date is refused (<c>SpendingReportChangesNothing</c>). Spending above
    /// the amount promised is recorded, not refused, and the answers flag it (<see cref="Projections.CommitmentDelivery.Overspend"/>).
    /// </remarks>
    public static IReadOnlyList<IBorderSecurityEvent> Decide(FundingCommitment? state, IFundingRequest request, Legislative.Legislation? referencedAct = null)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.StreamId, nameof(request.StreamId));
        return request switch
        {
            PledgeFunding r => [Pledge(state, r)],
            RedirectFunding r => [Redirect(state, r, referencedAct)],
            _ when state is null => throw Broken("CommitmentMustExist", $"commitment '{request.StreamId}' does not exist; pledge or redirect funding first."),
            AllocateFunding r => [Allocate(state, r)],
            ReviseFunding r => [Revise(state, r)],
            CorrectFundingAmount r => [Correct(state, r)],
            WithdrawFunding r => [Withdraw(state, r)],
            ReannounceFunding r => [Reannounce(state, r)],
            ReviseFundingPeriod r => [RevisePeriod(state, r)],
            CorrectFundingPeriod r => [CorrectPeriod(state, r)],
            ReportSpending r => [Spend(state, r)],
            _ => throw new ArgumentException($"Unknown funding request type {request.GetType().Name}.", nameof(request)),
        };
    }

    private static FundingPledged Pledge(FundingCommitment? state, PledgeFunding r)
    {
        var recipient = Guard.Against.Null(r.Recipient, nameof(r.Recipient)).Name;
        var amount = PositiveAmount(r.Amount, nameof(r.Amount));
        var basis = Guard.Against.UndefinedEnum(r.Basis, nameof(r.Basis));
        var origin = Guard.Against.InvalidOptionalText(r.OriginName, nameof(r.OriginName));
        var period = ValidPeriod(r.Period, amount);
        var purpose = Guard.Against.InvalidText(r.Purpose, nameof(r.Purpose));
        var announcedBy = Guard.Against.InvalidText(r.AnnouncedBy, nameof(r.AnnouncedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustNotExist(state, r.CommitmentId.Value);
        return new FundingPledged(r.CommitmentId.Value, recipient, amount, basis, origin, period, purpose, announcedBy, r.ValidOn, provenance);
    }

    private static FundingRedirected Redirect(FundingCommitment? state, RedirectFunding r, Legislative.Legislation? referencedAct)
    {
        var recipient = Guard.Against.Null(r.Recipient, nameof(r.Recipient)).Name;
        var amount = PositiveAmount(r.Amount, nameof(r.Amount));
        var basis = Guard.Against.UndefinedEnum(r.Basis, nameof(r.Basis));
        var programme = Guard.Against.InvalidText(r.FromProgramme, nameof(r.FromProgramme));
        var legislationId = r.FromLegislationId?.Value;
        var period = ValidPeriod(r.Period, amount);
        var purpose = Guard.Against.InvalidText(r.Purpose, nameof(r.Purpose));
        var announcedBy = Guard.Against.InvalidText(r.AnnouncedBy, nameof(r.AnnouncedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        MustNotExist(state, r.CommitmentId.Value);
        if (legislationId is not null && referencedAct?.IsActOn(r.ValidOn) != true)
        {
            throw Broken("ProgrammeMustBeAnEnactedAct",
                referencedAct is null
                    ? $"money cannot be redirected from '{legislationId}': no such legislation is recorded."
                    : $"money cannot be redirected from '{referencedAct.Title}' on {r.ValidOn:yyyy-MM-dd}: it was not an Act in force then.");
        }

        return new FundingRedirected(r.CommitmentId.Value, recipient, amount, basis, programme, legislationId, period, purpose, announcedBy, r.ValidOn, provenance);
    }

    private static FundingAllocated Allocate(FundingCommitment state, AllocateFunding r)
    {
        var capability = Guard.Against.InvalidText(r.Capability, nameof(r.Capability));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeCommitment(state, r.ValidOn);
        NotWithdrawn(state);
        if (state.AllocationHistory.TryGetValue(capability, out var history) && history.ContainsKey(r.ValidOn))
        {
            throw Broken("OneAllocationPerCapabilityPerDate",
                $"'{capability}' already has an allocation stated on {r.ValidOn:yyyy-MM-dd}; state it on another date.");
        }

        var allocated = new FundingAllocated(state.CommitmentId, capability, r.Amount, r.ValidOn, provenance);
        MustFitEveryDate(state, allocated, "AllocationsCannotExceedCommitment");
        return allocated;
    }

    private static FundingRevised Revise(FundingCommitment state, ReviseFunding r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var amount = PositiveAmount(r.RevisedAmount, nameof(r.RevisedAmount));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotWithdrawn(state);
        if (r.ValidOn <= state.CommittedOn)
        {
            throw Broken("RevisionMustFollowCommitment",
                $"a revision on {r.ValidOn:yyyy-MM-dd} must come after the commitment's date {state.CommittedOn:yyyy-MM-dd}; to fix the original amount, correct it.");
        }

        if (state.RevisionDates.Contains(r.ValidOn))
        {
            throw Broken("OneRevisionPerDate", $"the commitment was already revised on {r.ValidOn:yyyy-MM-dd}.");
        }

        if (amount == state.Amount)
        {
            throw Broken("RevisionChangesNothing", $"the commitment is already {state.Amount}.");
        }

        var revised = new FundingRevised(state.CommitmentId, amount, reason, r.ValidOn, provenance);
        MustFitEveryDate(state, revised, "RevisionBelowAllocations");
        return revised;
    }

    private static FundingAmountCorrected Correct(FundingCommitment state, CorrectFundingAmount r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var amount = PositiveAmount(r.CorrectedAmount, nameof(r.CorrectedAmount));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        if (amount == state.OriginalAmount)
        {
            throw Broken("CorrectionChangesNothing", $"the commitment was already recorded as {state.OriginalAmount}.");
        }

        var corrected = new FundingAmountCorrected(state.CommitmentId, amount, reason, state.CommittedOn, provenance);
        MustFitEveryDate(state, corrected, "CorrectionBelowAllocations");
        return corrected;
    }

    private static FundingWithdrawn Withdraw(FundingCommitment state, WithdrawFunding r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeCommitment(state, r.ValidOn);
        NotWithdrawn(state);
        return new FundingWithdrawn(state.CommitmentId, reason, r.ValidOn, provenance);
    }

    private static SpendingReported Spend(FundingCommitment state, ReportSpending r)
    {
        var stage = Guard.Against.UndefinedEnum(r.Stage, nameof(r.Stage));
        var kind = Guard.Against.UndefinedEnum(r.Kind, nameof(r.Kind));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeCommitment(state, r.ValidOn);
        if (stage == SpendingStage.Outturn && !r.Year.Contains(r.ValidOn))
        {
            throw Broken("OutturnInsideItsYear",
                $"outturn for {r.Year} counts spending up to a day inside that year ({r.Year.Start:yyyy-MM-dd} to {r.Year.End:yyyy-MM-dd}), not {r.ValidOn:yyyy-MM-dd}; date a full-year outturn {r.Year.End:yyyy-MM-dd}.");
        }

        if (state.WithdrawnOn is { } withdrawn && withdrawn <= r.Year.Start)
        {
            throw Broken("CommitmentWithdrawn",
                $"the commitment was withdrawn on {withdrawn:yyyy-MM-dd}, before {r.Year} began; nothing is spent or planned under it in that year.");
        }

        var key = SpendingLine.KeyOf(r.Year, stage, kind);
        if (state.SpendingHistory.TryGetValue(key, out var history) && history.TryGetValue(r.ValidOn, out var reported) && reported == r.Amount)
        {
            throw Broken("SpendingReportChangesNothing", $"{key} was already reported as {reported} on {r.ValidOn:yyyy-MM-dd}.");
        }

        return new SpendingReported(state.CommitmentId, r.Year, stage, kind, r.Amount, r.ValidOn, provenance);
    }

    private static FundingReannounced Reannounce(FundingCommitment state, ReannounceFunding r)
    {
        var announcedBy = Guard.Against.InvalidText(r.AnnouncedBy, nameof(r.AnnouncedBy));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotBeforeCommitment(state, r.ValidOn);
        return new FundingReannounced(state.CommitmentId, announcedBy, r.ValidOn, provenance);
    }

    /// <summary>The one invariant of money: on no valid date do the allocations exceed the amount.</summary>
    private static void MustFitEveryDate(FundingCommitment state, IBorderSecurityEvent candidate, string rule)
    {
        var after = FundingCommitment.Evolve(state, candidate)!;
        if (after.FirstOverAllocation() is { } date)
        {
            throw Broken(rule,
                $"on {date:yyyy-MM-dd} {after.AllocatedAsOf(date)} would be allocated of a {after.AmountAsOf(date)} commitment.");
        }
    }

    private static Money PositiveAmount(Money amount, string field)
    {
        if (amount == Money.Zero)
        {
            throw new ArgumentException($"{field} must be more than zero.", field);
        }

        return amount;
    }

    private static FundingPeriodRevised RevisePeriod(FundingCommitment state, ReviseFundingPeriod r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        NotWithdrawn(state);
        if (r.ValidOn <= state.CommittedOn)
        {
            throw Broken("PeriodRevisionMustFollowCommitment",
                $"a period revision on {r.ValidOn:yyyy-MM-dd} must come after the commitment's date {state.CommittedOn:yyyy-MM-dd}; to fix the original period, correct it.");
        }

        var period = ValidPeriod(r.Period, null);
        ProfileMustAddUp(period, state.AmountAsOf(r.ValidOn), r.ValidOn);
        if (state.PeriodHistory.ContainsKey(r.ValidOn))
        {
            throw Broken("OnePeriodRevisionPerDate", $"the commitment's period was already revised on {r.ValidOn:yyyy-MM-dd}.");
        }

        if (period.Equals(state.PeriodAsOf(r.ValidOn)))
        {
            throw Broken("PeriodRevisionChangesNothing", $"the commitment already covers {period.Label} ('{period.Description}') on {r.ValidOn:yyyy-MM-dd}.");
        }

        return new FundingPeriodRevised(state.CommitmentId, period, reason, r.ValidOn, provenance);
    }

    private static FundingPeriodCorrected CorrectPeriod(FundingCommitment state, CorrectFundingPeriod r)
    {
        var reason = Guard.Against.InvalidText(r.Reason, nameof(r.Reason));
        var provenance = Guard.Against.Null(r.Provenance, nameof(r.Provenance));
        var period = ValidPeriod(r.Period, null);
        ProfileMustAddUp(period, state.OriginalAmount, state.CommittedOn);
        if (period.Equals(state.PeriodHistory[state.CommittedOn]))
        {
            throw Broken("PeriodCorrectionChangesNothing", $"the commitment was already recorded as covering {period.Label} ('{period.Description}').");
        }

        return new FundingPeriodCorrected(state.CommitmentId, period, reason, state.CommittedOn, provenance);
    }

    /// <summary>
    /// The rules of a period, each naming its field; <paramref name="amount"/> is what a profile must add up to when the
    /// request states it (a pledge or redirect), else <see langword="null"/> (checked against the state by <see cref="ProfileMustAddUp"/>).
    /// </summary>
    private static FundingPeriod ValidPeriod(FundingPeriod? period, Money? amount)
    {
        Guard.Against.Null(period, "Period");
        var description = Guard.Against.InvalidText(period.Description, "Period.Description");
        var coverage = Guard.Against.UndefinedEnum(period.Coverage, "Period.Coverage");
        var spending = Guard.Against.UndefinedEnum(period.Spending, "Period.Spending");
        var profile = period.Profile is null ? null : period.Profile.ToArray();
        if (profile is { Length: 0 })
        {
            profile = null;
        }

        switch (coverage)
        {
            case FundingCoverage.NotStated:
                NoYear(period.FirstYear, "Period.FirstYear", "a period not stated names no financial year; say what it covers (InYear, OverYears, YearlyFrom, YearlyBy)");
                NoYear(period.LastYear, "Period.LastYear", "a period not stated names no financial year");
                NoProfile(profile, "a period not stated has no profile; say the years it covers (OverYears) first");
                break;
            case FundingCoverage.InYear:
                _ = period.FirstYear ?? throw new ArgumentException("Period.FirstYear: in-year money names its financial year, for example 2024/25.", "Period.FirstYear");
                if (period.LastYear is { } last && last != period.FirstYear)
                {
                    throw new ArgumentException($"Period.LastYear: in-year money covers one financial year ({period.FirstYear}), not to {last}; for several years use OverYears.", "Period.LastYear");
                }

                break;
            case FundingCoverage.OverYears:
                var first = period.FirstYear ?? throw new ArgumentException("Period.FirstYear: a total over years names its first financial year.", "Period.FirstYear");
                var end = period.LastYear ?? throw new ArgumentException("Period.LastYear: a total over years names its last financial year.", "Period.LastYear");
                if (end <= first)
                {
                    throw new ArgumentException($"Period.LastYear: a total over years ends after it starts ({first} to {end}); for one year use InYear.", "Period.LastYear");
                }

                break;
            default:
                var from = period.FirstYear ?? throw new ArgumentException(
                    "Period.FirstYear: a yearly level names the financial year it is from or by, for example 2028/29.", "Period.FirstYear");
                if (period.LastYear is { } until && until < from)
                {
                    throw new ArgumentException($"Period.LastYear: a yearly level from or by {from} cannot end in {until}.", "Period.LastYear");
                }

                NoProfile(profile, "a yearly level is an amount a year and has no profile; a total over years may have one");
                break;
        }

        if (profile is not null)
        {
            var last = period.LastYear ?? period.FirstYear!.Value;
            var seen = new HashSet<FinancialYear>();
            var sum = Money.Zero;
            foreach (var part in profile)
            {
                Guard.Against.Null(part, "Period.Profile");
                if (part.Year < period.FirstYear!.Value || part.Year > last)
                {
                    throw new ArgumentException($"Period.Profile: {part.Year} is outside the period's years {period.FirstYear} to {last}.", "Period.Profile");
                }

                if (!seen.Add(part.Year))
                {
                    throw new ArgumentException($"Period.Profile: {part.Year} is given more than once; give each financial year once.", "Period.Profile");
                }

                sum += part.Amount;
            }

            if (amount is not null && sum != amount)
            {
                throw new ArgumentException($"Period.Profile: the amounts per year add up to {sum}, not the amount {amount}.", "Period.Profile");
            }

            profile = [.. profile.OrderBy(p => p.Year)];
        }

        return new FundingPeriod(description, coverage, period.FirstYear, coverage == FundingCoverage.InYear ? null : period.LastYear, profile, spending);
    }

    /// <summary>A revised or corrected profile adds up to the commitment's amount on the period's date (<c>ProfileMustAddUpToAmount</c>).</summary>
    private static void ProfileMustAddUp(FundingPeriod period, Money amount, LocalDate on)
    {
        if (period.Profile is { Count: > 0 } profile && profile.Aggregate(Money.Zero, (sum, p) => sum + p.Amount) is var total && total != amount)
        {
            throw Broken("ProfileMustAddUpToAmount",
                $"Period.Profile: the amounts per year add up to {total}, not the commitment's amount {amount} on {on:yyyy-MM-dd}.");
        }
    }

    private static void NoYear(FinancialYear? year, string field, string why)
    {
        if (year is not null)
        {
            throw new ArgumentException($"{field}: {why}.", field);
        }
    }

    private static void NoProfile(FinancialYearAmount[]? profile, string why)
    {
        if (profile is not null)
        {
            throw new ArgumentException($"Period.Profile: {why}.", "Period.Profile");
        }
    }

    private static void MustNotExist(FundingCommitment? state, string id)
    {
        if (state is not null)
        {
            throw Broken("CommitmentAlreadyExists", $"commitment '{id}' already exists; to announce it again, re-announce it.");
        }
    }

    private static void NotBeforeCommitment(FundingCommitment state, LocalDate on)
    {
        if (on < state.CommittedOn)
        {
            throw Broken("NothingBeforeCommitment",
                $"{on:yyyy-MM-dd} is before the commitment was made on {state.CommittedOn:yyyy-MM-dd}.");
        }
    }

    private static void NotWithdrawn(FundingCommitment state)
    {
        if (state.WithdrawnOn is { } withdrawn)
        {
            throw Broken("CommitmentWithdrawn", $"the commitment was withdrawn on {withdrawn:yyyy-MM-dd}.");
        }
    }

    private static DomainRuleViolationException Broken(string rule, string detail) =>
        new(FundingCommitment.AggregateName, rule, detail);
}
