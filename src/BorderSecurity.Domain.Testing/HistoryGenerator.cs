using Bogus;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Testing;

/// <summary>A generated history: the events a store accepted, and how many requests it rejected.</summary>
/// <param name="Events">The recorded events, in recording order.</param>
/// <param name="Requests">The accepted requests, in order.</param>
/// <param name="Rejected">How many generated requests broke a rule (and stored nothing).</param>
/// <param name="Steps">The accepted requests as timeline steps, each known from the instant the generator's store recorded it.</param>
public sealed record GeneratedHistory(IReadOnlyList<RecordedEvent> Events, IReadOnlyList<IBorderSecurityRequest> Requests, int Rejected,
    IReadOnlyList<BorderSecurity.Domain.ReferenceTimeline.TimelineStep> Steps)
{
    /// <summary>The rule each rejected request broke, in order (one entry per rejection).</summary>
    public IReadOnlyList<string> RejectedRules { get; init; } = [];

    /// <summary>The first and last recorded instants.</summary>
    public (Instant First, Instant Last) RecordedSpan => (Events[0].RecordedAt, Events[^1].RecordedAt);
}

/// <summary>
/// Generates random but valid histories with Bogus from a fixed seed: random requests over a few streams of each
/// aggregate, valid dates in any order (so later facts are often back-filled), corrections, re-announcements,
/// withdrawals and abandonments, disputes about existing commitments, targets, bills and commands (some resolved later),
/// recorded by an in-memory store whose clock moves forward by random steps.
/// Every request goes through the deciders; those that break a rule are counted and dropped.
/// </summary>
/// <remarks>
/// Redirects sometimes name
/// a generated bill or Act, so <c>ProgrammeMustBeAnEnactedAct</c> comes up. After the random requests, each history is
/// topped up (<c>Cover</c>) with the cases the property tests rely on that chance left out, so every history has them.
/// </remarks>
public static partial class HistoryGenerator
{
    private static readonly LocalDate Start = new(2023, 1, 1);

    /// <summary>The funding recipients generated histories use.</summary>
    public static IReadOnlyList<string> Recipients => RecipientNames;

    private static readonly string[] RecipientNames = ["Border Security Command", "National Crime Agency", "INTERPOL", "Crown Prosecution Service"];
    private static readonly string[] Organisations = ["Border Security Command", "National Crime Agency", "Border Force"];
    private static readonly string[] Capabilities = ["Covert cameras", "Intelligence unit", "Prosecutors", "Data exploitation"];
    private static readonly string[] Programmes = ["Illegal Migration Act 2023", "Rwanda partnership"];
    private static readonly string[] Agencies = ["National Crime Agency", "Border Force", "Immigration Enforcement", "Crown Prosecution Service"];
    private static readonly SourceReference[] Sources = SourcesOf(6);

    /// <summary>Distinct generated sources, one published each day from 1 January 2024.</summary>
    private static SourceReference[] SourcesOf(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new SourceReference($"generated-{i}.txt", $"Generated source {i}", new LocalDate(2024, 1, 1).PlusDays(i - 1)))];

    /// <summary>The funding recipients a history generated with <c>recipients: count</c> uses (the four of <see cref="Recipients"/> when 0).</summary>
    /// <param name="count">How many recipients; 0 for the default four.</param>
    /// <returns>The recipients' names.</returns>
    public static IReadOnlyList<string> RecipientsOf(int count) =>
        count <= 0 ? RecipientNames : [.. Enumerable.Range(1, count).Select(i => $"Generated recipient {i}")];

    /// <summary>Generates one history.</summary>
    /// <param name="seed">The seed: the same seed gives the same history.</param>
    /// <param name="requests">How many requests to try.</param>
    /// <param name="streamsPerAggregate">How many streams of each aggregate to spread them over.</param>
    /// <param name="recipients">
    /// How many funding recipients commitments are spread over (<see cref="RecipientsOf"/>); 0, the default, for the
    /// four of <see cref="Recipients"/>. The default output never changes with this parameter.
    /// </param>
    /// <param name="sources">How many distinct sources provenances cite; 0, the default, for six.</param>
    /// <returns>The history.</returns>
    public static GeneratedHistory Generate(int seed, int requests, int streamsPerAggregate = 3, int recipients = 0, int sources = 0)
    {
        var shape = new Shape(recipients > 0 ? [.. RecipientsOf(recipients)] : RecipientNames, sources > 0 ? SourcesOf(sources) : Sources);
        var random = new Randomizer(seed);
        var clock = new SteppingClock(Instant.FromUtc(2024, 1, 1, 0, 0));
        var store = new GeneratorStore(clock);
        var accepted = new List<IBorderSecurityRequest>();
        var steps = new List<BorderSecurity.Domain.ReferenceTimeline.TimelineStep>();
        var rejected = 0;
        var rules = new List<string>();

        // Disputes draw from their own sequence, so the other streams of a seed are the same as before disputes were generated.
        var disputes = new DisputeMaker(new Randomizer(seed ^ 0x5D15), requests);

        // Outcome indicators too: their own sequence, so the streams generated before them are unchanged.
        var outcomes = new OutcomeMaker(new Randomizer(seed ^ 0x0C7C), requests);
        var pledges = new PledgeMaker(new Randomizer(seed ^ 0x91ED), requests);
        var spending = new SpendingMaker(new Randomizer(seed ^ 0x5E9D), requests);

        // Up to 20 days between requests for small histories; shorter steps for large ones, so the clock stays in range.
        var maxStepMinutes = Math.Max(1, 60 * 24 * 20 * 2_000 / Math.Max(requests, 2_000));
        for (var i = 0; i < requests; i++)
        {
            clock.Set(clock.Now + Duration.FromMinutes(random.Int(0, 3) == 0 ? 0 : random.Int(1, maxStepMinutes)));
            var request = Next(random, store, streamsPerAggregate, shape);
            try
            {
                var recorded = store.Submit(request);
                accepted.Add(request);
                steps.Add(new BorderSecurity.Domain.ReferenceTimeline.TimelineStep(recorded[0].RecordedAt, request));
                disputes.Exists(request.StreamId.Value);
                pledges.Exists(request.StreamId.Value);
            }
            catch (DomainRuleViolationException e)
            {
                rejected++;
                rules.Add(e.Rule);
            }

            if (disputes.Next(shape) is { } dispute)
            {
                var recorded = store.Submit(dispute);
                accepted.Add(dispute);
                steps.Add(new BorderSecurity.Domain.ReferenceTimeline.TimelineStep(recorded[0].RecordedAt, dispute));
            }

            if (outcomes.Next(shape) is { } outcome)
            {
                var recorded = store.Submit(outcome);
                accepted.Add(outcome);
                steps.Add(new BorderSecurity.Domain.ReferenceTimeline.TimelineStep(recorded[0].RecordedAt, outcome));
                disputes.Exists(outcome.StreamId.Value);
                pledges.Exists(outcome.StreamId.Value);
            }

            if (pledges.Next(shape) is { } pledge)
            {
                var recorded = store.Submit(pledge);
                accepted.Add(pledge);
                steps.Add(new BorderSecurity.Domain.ReferenceTimeline.TimelineStep(recorded[0].RecordedAt, pledge));
                disputes.Exists(pledge.StreamId.Value);
            }

            if (spending.Next(store, shape, streamsPerAggregate) is { } spent)
            {
                try
                {
                    var recorded = store.Submit(spent);
                    accepted.Add(spent);
                    steps.Add(new BorderSecurity.Domain.ReferenceTimeline.TimelineStep(recorded[0].RecordedAt, spent));
                }
                catch (DomainRuleViolationException e)
                {
                    rejected++;
                    rules.Add(e.Rule);
                }
            }
        }

        Cover(random, store, clock, maxStepMinutes, accepted, steps);
        return new GeneratedHistory(store.ReadAll(), accepted, rejected, steps) { RejectedRules = rules };
    }

    /// <summary>Generates the same events as <paramref name="history"/> for a flat list of recorded events, shuffled.</summary>
    /// <param name="history">The history.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <returns>The events in a random order.</returns>
    public static IReadOnlyList<RecordedEvent> Shuffled(GeneratedHistory history, int seed) =>
        [.. new Randomizer(seed).Shuffle(history.Events)];

    /// <summary>The recipients and sources a history draws from.</summary>
    private sealed record Shape(string[] Recipients, SourceReference[] Sources);

    private static IBorderSecurityRequest Next(Randomizer random, GeneratorStore store, int streams, Shape shape)
    {
        var n = random.Int(1, streams);
        var provenance = Provenance.Of(random.ArrayElement(shape.Sources));
        return random.Int(0, 3) switch
        {
            0 => Funding(random, store, $"funding:g{n}", provenance, streams, shape.Recipients),
            1 => Recruitment(random, store, $"recruitment:g{n}", provenance),
            2 => LegislationRequest(random, store, $"legislation:g{n}", provenance),
            _ => CommandRequest(random, store, $"command:g{n}", provenance),
        };
    }

    private static LocalDate AnyDate(Randomizer random) => Start.PlusDays(random.Int(0, 1000));

    // The session opening in the bill's year (named YYYY-YY); one bill in five is introduced without a session stated.
    private static string? SessionOf(Randomizer random, LocalDate on) => random.Int(0, 4) == 0 ? null : SessionOpening(on.Year);

    private static string SessionOpening(int year) => $"{year}-{(year + 1) % 100:00}";

    private static LocalDate After(Randomizer random, LocalDate from) => from.PlusDays(random.Int(0, 400));

    private static Money Millions(Randomizer random, int min, int max) => Money.FromPounds(random.Int(min * 100, max * 100) * 10_000m);

    private static T? Fold<T>(GeneratorStore store, string id, Func<T?, IBorderSecurityEvent, T?> evolve)
        where T : class => store.ReadStream(id).Aggregate((T?)null, (s, e) => evolve(s, e.Data));

    private static IBorderSecurityRequest Funding(Randomizer random, GeneratorStore store, string id, Provenance provenance, int streams, string[] recipients)
    {
        var state = Fold<FundingCommitment>(store, id, FundingCommitment.Evolve);
        if (state is null)
        {
            var basis = random.Bool() ? FundingBasis.Firm : FundingBasis.UpTo;
            var amount = Millions(random, 1, 100);
            var date = AnyDate(random);
            return random.Bool()
                ? new PledgeFunding
                {
                    CommitmentId = new(id),
                    Recipient = new(random.ArrayElement(recipients)),
                    Amount = amount,
                    Basis = basis,
                    OriginName = random.Bool(0.8f) ? "Autumn Budget 2024" : null,
                    Period = Period(random, amount, date),
                    Purpose = "generated purpose",
                    AnnouncedBy = "generator",
                    ValidOn = date,
                    Provenance = provenance,
                }
                : new RedirectFunding
                {
                    CommitmentId = new(id),
                    Recipient = new(random.ArrayElement(recipients)),
                    Amount = amount,
                    Basis = basis,
                    FromProgramme = random.ArrayElement(Programmes),
                    FromLegislationId = random.Bool() ? new($"legislation:g{random.Int(1, streams)}") : null,
                    Period = Period(random, amount, date),
                    Purpose = "generated purpose",
                    AnnouncedBy = "generator",
                    ValidOn = date,
                    Provenance = provenance,
                };
        }

        var on = After(random, state.CommittedOn);
        return random.Int(0, 11) switch
        {
            10 => new ReviseFundingPeriod
            {
                CommitmentId = new(id),
                Period = Period(random, state.AmountAsOf(on.PlusDays(1)), on),
                Reason = "generated period revision",
                ValidOn = on.PlusDays(1),
                Provenance = provenance,
            },
            11 => new CorrectFundingPeriod
            {
                CommitmentId = new(id),
                Period = Period(random, state.OriginalAmount, state.CommittedOn),
                Reason = "generated period correction",
                Provenance = provenance,
            },
            <= 3 => new AllocateFunding
            {
                CommitmentId = new(id),
                Capability = random.ArrayElement(Capabilities),
                Amount = Money.FromPounds(decimal.Round(state.Amount.Pounds * random.Int(0, 40) / 100m, 2)),
                ValidOn = on,
                Provenance = provenance,
            },
            4 or 5 => new ReviseFunding
            {
                CommitmentId = new(id),
                RevisedAmount = Millions(random, 1, 120),
                Reason = "generated revision",
                ValidOn = on.PlusDays(1),
                Provenance = provenance,
            },
            6 => new CorrectFundingAmount
            {
                CommitmentId = new(id),
                CorrectedAmount = Millions(random, 1, 120),
                Reason = "generated correction",
                Provenance = provenance,
            },
            7 => new ReannounceFunding
            {
                CommitmentId = new(id),
                AnnouncedBy = "generator",
                ValidOn = on,
                Provenance = provenance,
            },
            8 => new WithdrawFunding
            {
                CommitmentId = new(id),
                Reason = "generated withdrawal",
                ValidOn = on,
                Provenance = provenance,
            },
            _ => new AllocateFunding
            {
                CommitmentId = new(id),
                Capability = random.ArrayElement(Capabilities),
                Amount = Money.Zero,
                ValidOn = on,
                Provenance = provenance,
            },
        };
    }

    /// <summary>
    /// A period of every kind: not stated, in-year, over two to four years with or without a profile, a yearly level; its
    /// spending kind (resource, capital or not stated) follows the date, so it draws nothing from <paramref name="random"/>
    /// and the histories of a seed stay as they were before kinds were generated.
    /// </summary>
    private static FundingPeriod Period(Randomizer random, Money amount, LocalDate on) =>
        KindlessPeriod(random, amount, on) with { Spending = (on.Day % 4) switch { 1 => SpendingKind.Resource, 2 => SpendingKind.Capital, _ => SpendingKind.NotStated } };

    private static FundingPeriod KindlessPeriod(Randomizer random, Money amount, LocalDate on)
    {
        var year = FinancialYear.Of(on);
        var last = new FinancialYear(year.StartYear + random.Int(1, 3));
        switch (random.Int(0, 4))
        {
            case 0:
                return FundingPeriod.NotStated("generated");
            case 1:
                return FundingPeriod.InYear(year, "generated in-year");
            case 2:
                return FundingPeriod.OverYears(year, last, "generated over years");
            case 3:
                var firstPart = Money.FromPounds(decimal.Round(amount.Pounds * random.Int(0, 100) / 100m, 2));
                return FundingPeriod.OverYears(year, last, "generated profiled",
                    [new FinancialYearAmount(year, firstPart), new FinancialYearAmount(last, amount - firstPart)]);
            default:
                return random.Bool() ? FundingPeriod.YearlyBy(last, "generated yearly level") : FundingPeriod.YearlyFrom(year, "generated yearly level", last);
        }
    }

    private static IBorderSecurityRequest Recruitment(Randomizer random, GeneratorStore store, string id, Provenance provenance)
    {
        var state = Fold<RecruitmentTarget>(store, id, RecruitmentTarget.Evolve);
        if (state is null)
        {
            var on = AnyDate(random);
            var organisation = new Organisation(random.ArrayElement(Organisations));
            var heads = random.Int(1, 500);
            return new SetRecruitmentTarget
            {
                TargetId = new(id),
                Organisation = organisation,
                Role = "generated role",
                Headcount = heads,

                // From what is already drawn, so the random sequence (and every history generated before bases) is unchanged.
                Basis = heads % 3 == 0 ? TargetBasis.UpTo : TargetBasis.Firm,
                Deadline = random.Bool() ? on.PlusDays(random.Int(0, 700)) : null,
                AnnouncedBy = "generator",
                ValidOn = on,
                Provenance = provenance,
            };
        }

        // A correction of the headcount, or (one target in four, by its set date, drawing the same random number) of the basis.
        IRecruitmentRequest CorrectionOf(int corrected) => state.SetOn.Day % 4 == 0
            ? new CorrectRecruitmentTargetBasis
            {
                TargetId = new(id),
                Basis = state.Basis == TargetBasis.UpTo ? TargetBasis.Firm : TargetBasis.UpTo,
                // Each correction's words differ (the stream's length), so two flips of one target are two requests, not one
                // repeated: a timeline keys a step by its content, and a request repeated word for word is stored once.
                Reason = $"generated basis correction {store.ReadStream(id).Count}",
                Provenance = provenance,
            }
            : new CorrectRecruitmentTarget
            {
                TargetId = new(id),
                CorrectedHeadcount = corrected,
                Reason = "generated correction",
                Provenance = provenance,
            };

        var at = After(random, state.SetOn);
        return random.Int(0, 9) switch
        {
            <= 3 => new RecordRecruitmentProgress
            {
                TargetId = new(id),
                InPost = random.Int(0, state.Headcount + 20),
                ValidOn = at,
                Provenance = provenance,
            },
            4 => new ReviseRecruitmentTarget
            {
                TargetId = new(id),
                RevisedHeadcount = random.Int(1, 600),
                Reason = "generated revision",
                ValidOn = at.PlusDays(1),
                Provenance = provenance,
            },
            5 => CorrectionOf(random.Int(1, 600)),
            6 => new ReannounceRecruitmentTarget
            {
                TargetId = new(id),
                AnnouncedBy = "generator",
                ValidOn = at,
                Provenance = provenance,
            },
            7 => new MarkRecruitmentTargetMet
            {
                TargetId = new(id),
                InPost = state.Headcount + random.Int(0, 5),
                ValidOn = at,
                Provenance = provenance,
            },
            _ => new AbandonRecruitmentTarget
            {
                TargetId = new(id),
                Reason = "generated abandonment",
                ValidOn = at,
                Provenance = provenance,
            },
        };
    }

    private static IBorderSecurityRequest LegislationRequest(Randomizer random, GeneratorStore store, string id, Provenance provenance)
    {
        IntroduceBill Introduce(string id, string title, ParliamentHouse house, LocalDate on) => new()
        {
            LegislationId = new(id),
            Title = title,
            House = house,
            Session = SessionOf(random, on),
            ValidOn = on,
            Provenance = provenance,
        };

        var state = Fold<Legislation>(store, id, Legislation.Evolve);
        if (state is null)
        {
            return random.Int(0, 2) switch
            {
                0 => new AnnounceLegislation
                {
                    LegislationId = new(id),
                    Title = $"Generated Bill {id}",
                    AnnouncedIn = "King's Speech",
                    ValidOn = AnyDate(random),
                    Provenance = provenance,
                },
                1 => Introduce(id, $"Generated Bill {id}", ParliamentHouse.Commons, AnyDate(random)),
                _ => new RecordEnactedLegislation
                {
                    LegislationId = new(id),
                    Title = $"Generated Act {id}",
                    RoyalAssentOn = AnyDate(random),
                    Provenance = provenance,
                },
            };
        }

        var on = After(random, state.LastStageOn);
        if (state.IsAct)
        {
            return random.Bool(0.8f)
                ? new CommenceLegislation
                {
                    LegislationId = new(id),
                    Provisions = [.. Enumerable.Range(0, random.Int(1, 3)).Select(_ => $"section {random.Int(1, 9)}").Distinct()],
                    ValidOn = on,
                    Provenance = provenance,
                }
                : new RepealLegislation
                {
                    LegislationId = new(id),
                    RepealedBy = "Generated Repeal Act",
                    ValidOn = on,
                    Provenance = provenance,
                };
        }

        if (state.Position is not { } at)
        {
            return Introduce(id, state.Title, random.Bool() ? ParliamentHouse.Commons : ParliamentHouse.Lords, on);
        }

        switch (random.Int(0, 39))
        {
            case 0:
                return new CarryOverBill
                {
                    LegislationId = new(id),
                    // The next session; now and then the session it is already in (refused: CarriedIntoLaterSession).
                    IntoSession = state.Session is { } current
                        ? random.Int(0, 9) == 0 ? current : SessionOpening(ParliamentarySessions.EndYear(current))
                        : SessionOpening(on.Year),
                    ValidOn = on,
                    Provenance = provenance,
                };
            case 1:
                return new EndBill
                {
                    LegislationId = new(id),
                    How = random.Enum<BillEnding>(),
                    ValidOn = on,
                    Provenance = provenance,
                };
        }

        // Mostly the next stage in order; now and then one skipped (refused), a round of ping-pong or Royal Assent.
        var origin = state.OriginatingHouse ?? ParliamentHouse.Commons;
        var skip = random.Int(0, 9) == 0 ? 1 : 0;
        (ParliamentHouse House, BillStage Stage)? next = (at.House == origin, at.Stage) switch
        {
            (_, BillStage.ThirdReading) when at.House == origin => (BillStages.Other(origin), random.Bool() ? BillStage.StagesNotStated : BillStage.FirstReading + skip),
            (_, BillStage.ThirdReading or BillStage.ConsiderationOfAmendments or BillStage.StagesNotStated) when random.Bool(0.6f) => null,
            (_, BillStage.ThirdReading or BillStage.StagesNotStated) => (origin, BillStage.ConsiderationOfAmendments),
            (_, BillStage.ConsiderationOfAmendments) => (BillStages.Other(at.House), BillStage.ConsiderationOfAmendments),
            _ => (at.House, at.Stage + 1 + skip),
        };
        // One stage in five (by its date, so the random sequence is unchanged) is first recorded as begun and under way; a
        // later request completes it.
        if (next is { } begun && on.Day % 5 == 0 && !(state.UnderWay is { } u && u.House == begun.House && u.Stage == begun.Stage))
        {
            return new StartParliamentaryStage { LegislationId = new(id), House = begun.House, Stage = begun.Stage, ValidOn = on, Provenance = provenance };
        }

        return next is { } n
            ? new CompleteParliamentaryStage
            {
                LegislationId = new(id),
                House = n.House,
                Stage = n.Stage,
                ValidOn = on,
                Provenance = provenance,
            }
            : new GrantRoyalAssent
            {
                LegislationId = new(id),
                ActTitle = $"Generated Act {id}",
                ValidOn = on,
                Provenance = provenance,
            };
    }

    private static IBorderSecurityRequest CommandRequest(Randomizer random, GeneratorStore store, string id, Provenance provenance)
    {
        var state = Fold<Command>(store, id, Command.Evolve);
        if (state is null)
        {
            return new EstablishCommand
            {
                CommandId = new(id),
                Name = new(random.ArrayElement(Organisations)),
                ParentDepartment = new("Home Office"),
                ValidOn = AnyDate(random),
                Provenance = provenance,
            };
        }

        var on = After(random, state.EstablishedOn);
        return random.Int(0, 6) switch
        {
            0 => new AppointCommandLeader
            {
                CommandId = new(id),
                LeaderName = $"Leader {random.Int(1, 20)}",
                PostTitle = "Commander",
                Honours = random.Bool() ? "CBE" : null,
                ValidOn = on,
                Provenance = provenance,
            },
            1 or 2 => new JoinAgencyToCommand
            {
                CommandId = new(id),
                Agency = new(random.ArrayElement(Agencies)),
                ValidOn = on,
                Provenance = provenance,
            },
            3 => new RemoveAgencyFromCommand
            {
                CommandId = new(id),
                Agency = new(random.ArrayElement(Agencies)),
                Reason = "generated",
                ValidOn = on,
                Provenance = provenance,
            },
            4 => new CreateCommandUnit
            {
                CommandId = new(id),
                UnitName = $"Unit {random.Int(1, 5)}",
                Purpose = "generated",
                ValidOn = on,
                Provenance = provenance,
            },
            5 => new ConferCommandPowers
            {
                CommandId = new(id),
                LegislationId = new($"legislation:g{random.Int(1, 3)}"),
                Provisions = random.Bool() ? [] : [$"section {random.Int(1, 9)}"],
                Powers = "generated powers",
                ValidOn = on,
                Provenance = provenance,
            },
            _ => new JoinInternationalAgreement
            {
                CommandId = new(id),
                Agreement = $"Agreement {random.Int(1, 4)}",
                ValidOn = on,
                Provenance = provenance,
            },
        };
    }
}
