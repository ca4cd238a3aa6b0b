using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Outcomes;
using BorderSecurity.Domain.Pledges;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.ReferenceTimeline.Sources2024;

namespace BorderSecurity.Domain.ReferenceTimeline;

/// <summary>One step of a timeline: a request, and the instant it became public (when a store replaying the timeline records it).</summary>
/// <param name="KnownFrom">When the fact became public.</param>
/// <param name="Request">The request that records it.</param>
/// <remarks>An optional step id (<see cref="Id"/>, in TimelineStep.Id.cs) says which steps are the same step.</remarks>
public sealed partial record TimelineStep(Instant KnownFrom, IBorderSecurityRequest Request);

/// <summary>
/// The 2024 reference timeline of the UK Border Security Command, from the Illegal Migration Act 2023 baseline to
/// the 4 November 2024 package. Facts only; every step cites its sources (<see cref="Sources2024"/>).
/// </summary>
/// <remarks>
/// What it gets right: the £150m over two years is £75m redirected from the Illegal Migration Act 2023 budget
/// ("up to", a ceiling) plus £75m of new money from the Autumn Budget 2024 (firm), not £150m of new money; the
/// 100 NCA officers announced on 21 August and again on 4 November are one target of 100, not 200. Each step is
/// known from noon UTC on the day it became public.
/// </remarks>
public static class ReferenceTimeline2024
{
    /// <summary>The Border Security Command's stream id.</summary>
    public static readonly CommandId BorderSecurityCommandId = new("command:bsc");

    /// <summary>The Border Security Command's name, which is also its name as a funding recipient and recruiting organisation.</summary>
    public static readonly Organisation BorderSecurityCommand = new("Border Security Command");

    /// <summary>The National Crime Agency.</summary>
    public static readonly Organisation NationalCrimeAgency = new("National Crime Agency");

    /// <summary>INTERPOL, as a funding recipient.</summary>
    public static readonly Organisation Interpol = new("INTERPOL");

    /// <summary>The Home Office's international serious organised crime (ISOC) work, as a funding recipient.</summary>
    public static readonly Organisation InternationalSeriousOrganisedCrime = new("Home Office international serious organised crime programme");

    /// <summary>The Illegal Migration Act 2023's stream id.</summary>
    public static readonly LegislationId IllegalMigrationActId = new("legislation:illegal-migration-act-2023");

    /// <summary>The Border Security, Asylum and Immigration Bill's stream id.</summary>
    public static readonly LegislationId BorderSecurityBillId = new("legislation:border-security-asylum-immigration-bill");

    /// <summary>The September 2024 "up to £75m" redirected from the Illegal Migration Act 2023 budget.</summary>
    public static readonly CommitmentId SeptemberRedirectId = new("funding:bsc-2024-09-ima-redirect");

    /// <summary>
    /// The open dispute about where the September 2024 £75m came from: new money, or redirected from the Illegal
    /// Migration Act 2023 budget (see the last step of <see cref="Steps"/>).
    /// </summary>
    public static readonly DisputeId SeptemberOriginDisputeId = new("dispute:bsc-2024-09-origin-of-money");

    /// <summary>
    /// The open dispute about the day the Border Security Command was established: 5 July 2024 (its own GOV.UK page) or
    /// 7 July 2024, its launch (the Home Office release, Full Fact); see the last step of <see cref="Steps"/>.
    /// </summary>
    public static readonly DisputeId CommandEstablishedDisputeId = new("dispute:bsc-2024-07-date-established");

    /// <summary>The 4 November 2024 additional £75m of new money from the Autumn Budget 2024.</summary>
    public static readonly CommitmentId NovemberBudgetId = new("funding:bsc-2024-11-budget");

    /// <summary>The £6m increase in in-year support for INTERPOL.</summary>
    public static readonly CommitmentId InterpolId = new("funding:interpol-2024-25");

    /// <summary>The £24m in the new financial year against international serious organised crime.</summary>
    public static readonly CommitmentId SeriousOrganisedCrimeId = new("funding:isoc-2025-26");

    /// <summary>The 100 NCA specialist investigators and intelligence officers.</summary>
    public static readonly RecruitmentTargetId NcaOfficersId = new("recruitment:nca-specialist-officers");

    /// <summary>The 300 staff for the Border Security Command.</summary>
    public static readonly RecruitmentTargetId BscStaffId = new("recruitment:bsc-staff");

    /// <summary>People arriving in the UK in small boats, counted over periods (article 004's figures for October and early November 2024).</summary>
    public static readonly IndicatorId SmallBoatArrivalsId = new("indicator:small-boat-arrivals");

    /// <summary>Investigations into organised immigration crime networks the NCA was leading, counted on a date (articles 002 and 003).</summary>
    public static readonly IndicatorId NcaInvestigationsId = new("indicator:nca-smuggling-investigations");

    /// <summary>The pledge to create a Border Security Command, as Full Fact's government tracker follows it.</summary>
    public static readonly PledgeId CreateCommandPledgeId = new("pledge:create-border-security-command");

    /// <summary>The recruitment of the Border Security Commander.</summary>
    public static readonly RecruitmentTargetId CommanderId = new("recruitment:border-security-commander");

    private const string HomeSecretary = "Home Secretary Yvette Cooper";
    private const string PrimeMinister = "Prime Minister Keir Starmer";
    private const string TwoYears = "over the next two years";

    /// <summary>The steps, in the order they became public. Import them with <c>store.ImportAsync(ReferenceTimeline2024.Steps)</c>.</summary>
    public static IReadOnlyList<TimelineStep> Steps { get; } = BuildSteps();

    private static Instant Noon(int year, int month, int day) => Instant.FromUtc(year, month, day, 12, 0);

    private static LocalDate Day(int year, int month, int day) => new(year, month, day);

    private static TimelineStep Linked(Instant knownFrom, StreamId subject, LocalDate on, params SourceReference[] sources) =>
        new(knownFrom, new LinkPledgeDeliverer { PledgeId = CreateCommandPledgeId, SubjectId = subject, ValidOn = on, Provenance = Provenance.Of(sources) });

    private static TimelineStep[] BuildSteps()
    {
        var checkedFacts = Provenance.Of(CheckedFacts);
        var november = Provenance.Of(RecruitmentDrive, TreatSmugglersLikeTerrorists, TechPressExtra75m);
        return
        [
            new(Noon(2023, 7, 20), new RecordEnactedLegislation
            {
                LegislationId = IllegalMigrationActId,
                Title = "Illegal Migration Act 2023",
                RoyalAssentOn = Day(2023, 7, 20),
                Provenance = Provenance.Of(CheckedFacts, IllegalMigrationAct2023Text),
            }),

            new(Noon(2024, 7, 7), new EstablishCommand
            {
                CommandId = BorderSecurityCommandId,
                Name = BorderSecurityCommand,
                ParentDepartment = new("Home Office"),
                ValidOn = Day(2024, 7, 7),
                Provenance = Provenance.Of(CheckedFacts, FullFactTracker, LaunchReleaseMirror),
            }),
            .. new[] { NationalCrimeAgency, new("Border Force"), new("Immigration Enforcement"), new("Police forces"), new Organisation("Intelligence agencies") }
                .Select(agency => new TimelineStep(Noon(2024, 7, 7),
                    new JoinAgencyToCommand
                    {
                        CommandId = BorderSecurityCommandId,
                        Agency = agency,
                        ValidOn = Day(2024, 7, 7),
                        Provenance = Provenance.Of(CheckedFacts, TechPressExtra75m),
                    })),
            new(Noon(2024, 7, 8), new SetRecruitmentTarget
            {
                TargetId = CommanderId,
                Organisation = new("Home Office"),
                Role = "Border Security Commander",
                Headcount = 1,
                AnnouncedBy = HomeSecretary,
                ValidOn = Day(2024, 7, 8),
                Provenance = checkedFacts,
            }),

            new(Noon(2024, 7, 17), new AnnounceLegislation
            {
                LegislationId = BorderSecurityBillId,
                Title = "Border Security, Asylum and Immigration Bill",
                AnnouncedIn = "King's Speech 2024",
                ValidOn = Day(2024, 7, 17),
                Provenance = Provenance.Of(CheckedFacts, TreatSmugglersLikeTerrorists, KingsSpeech2024, BorderSecurityBillPage),
            }),

            new(Noon(2024, 8, 21), new SetRecruitmentTarget
            {
                TargetId = NcaOfficersId,
                Organisation = NationalCrimeAgency,
                Role = "specialist investigators and intelligence officers",
                Headcount = 100,
                AnnouncedBy = HomeSecretary,
                ValidOn = Day(2024, 8, 21),
                Provenance = checkedFacts,
            }),

            new(Noon(2024, 9, 15), new AppointCommandLeader
            {
                CommandId = BorderSecurityCommandId,
                LeaderName = "Martin Hewitt",
                PostTitle = "Border Security Commander",
                Honours = "CBE QPM",
                ValidOn = Day(2024, 9, 15),
                Provenance = Provenance.Of(CheckedFacts, RecruitmentDrive, CommandAboutPage),
            }),
            new(Noon(2024, 9, 15), new MarkRecruitmentTargetMet
            {
                TargetId = CommanderId,
                InPost = 1,
                ValidOn = Day(2024, 9, 15),
                Provenance = checkedFacts,
            }),

            new(Noon(2024, 9, 17), new RedirectFunding
            {
                CommitmentId = SeptemberRedirectId,
                Recipient = BorderSecurityCommand,
                Amount = Money.FromMillions(75),
                Basis = FundingBasis.UpTo,
                FromProgramme = "Illegal Migration Act 2023",
                FromLegislationId = IllegalMigrationActId,
                Period = new FundingPeriod("not stated"),
                Purpose = "Covert cameras and monitoring technology, a new police intelligence unit, more CPS prosecutors, extra BSC staff, upstream work in transit countries",
                AnnouncedBy = HomeSecretary,
                ValidOn = Day(2024, 9, 17),
                Provenance = Provenance.Of(NewFundingForTech, AggregatorNew75m, CheckedFacts, SeptemberReleaseMirror, FullFactTracker),
            }),
            new(Noon(2024, 9, 17), new JoinAgencyToCommand
            {
                CommandId = BorderSecurityCommandId,
                Agency = new("Crown Prosecution Service"),
                ValidOn = Day(2024, 9, 17),
                Provenance = Provenance.Of(NewFundingForTech, AggregatorNew75m),
            }),

            new(Noon(2024, 10, 4), new JoinInternationalAgreement
            {
                CommandId = BorderSecurityCommandId,
                Agreement = "G7 action plan against migrant smuggling",
                ValidOn = Day(2024, 10, 4),
                Provenance = Provenance.Of(CheckedFacts, RecruitmentDrive),
            }),

            new(Noon(2024, 11, 4), new PledgeFunding
            {
                CommitmentId = NovemberBudgetId,
                Recipient = BorderSecurityCommand,
                Amount = Money.FromMillions(75),
                Basis = FundingBasis.Firm,
                OriginName = "Autumn Budget 2024",
                Period = FundingPeriod.OverYears(new FinancialYear(2024), new FinancialYear(2025), TwoYears),
                Purpose = "NCA technology and data exploitation, 100 NCA specialist investigators and intelligence officers, the OIC Intelligence Source Unit, faster CPS charging decisions, 300 BSC staff",
                AnnouncedBy = PrimeMinister,
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(RecruitmentDrive, TreatSmugglersLikeTerrorists, TechPressExtra75m, FullFactTracker),
            }),
            new(Noon(2024, 11, 4), new SetRecruitmentTarget
            {
                TargetId = BscStaffId,
                Organisation = BorderSecurityCommand,
                Role = "Border Security Command staff",
                Headcount = 300,
                AnnouncedBy = PrimeMinister,
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(RecruitmentDrive, TechPressExtra75m),
            }),
            new(Noon(2024, 11, 4), new ReannounceRecruitmentTarget
            {
                TargetId = NcaOfficersId,
                AnnouncedBy = PrimeMinister,
                ValidOn = Day(2024, 11, 4),
                Provenance = november,
            }),
            new(Noon(2024, 11, 4), new CreateCommandUnit
            {
                CommandId = BorderSecurityCommandId,
                UnitName = "OIC Intelligence Source Unit",
                Purpose = "Cohere intelligence flows from key police forces",
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(RecruitmentDrive, TechPressExtra75m),
            }),
            new(Noon(2024, 11, 4), new PledgeFunding
            {
                CommitmentId = InterpolId,
                Recipient = Interpol,
                Amount = Money.FromMillions(6),
                Basis = FundingBasis.Firm,
                Period = FundingPeriod.InYear(new FinancialYear(2024), "in-year"),
                Purpose = "Increased support for INTERPOL's global operations against serious organised crime",
                AnnouncedBy = PrimeMinister,
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(RecruitmentDrive, TreatSmugglersLikeTerrorists),
            }),
            new(Noon(2024, 11, 4), new PledgeFunding
            {
                CommitmentId = SeriousOrganisedCrimeId,
                Recipient = InternationalSeriousOrganisedCrime,
                Amount = Money.FromMillions(24),
                Basis = FundingBasis.Firm,
                Period = FundingPeriod.InYear(new FinancialYear(2025), "in the new financial year"),
                Purpose = "Tackling international serious organised crime affecting the UK (drugs, firearms, fraud, trafficking), in part in the Western Balkans",
                AnnouncedBy = "Home Office",
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(RecruitmentDrive, TreatSmugglersLikeTerrorists),
            }),

            new(Noon(2024, 11, 6), new ReannounceFunding
            {
                CommitmentId = SeptemberRedirectId,
                AnnouncedBy = PrimeMinister,
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(TechPressExtra75m),
            }),

            // How the two £75m are read: the September "up to £75m" stated no period of its own (003, 002); the tech press
            // (000) reports the November £75m as bringing the BSC to £150m "over the next two years", so from 4 November both
            // halves are read as one total over 2024/25 to 2025/26 with no split across the two years announced. The
            // September money's period is therefore revised (not corrected) from 4 November, known from the 6 November report.
            new(Noon(2024, 11, 6), new ReviseFundingPeriod
            {
                CommitmentId = SeptemberRedirectId,
                Period = FundingPeriod.OverYears(new FinancialYear(2024), new FinancialYear(2025), "with the November £75m, £150m over the next two years"),
                Reason = "The November announcement put the September and November £75m together as £150m over the next two years",
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(TechPressExtra75m),
            }),

            // Sources disagree about the origin of the September £75m: 002 calls it a new investment, and 003's headline
            // and opening call it new funding too, while 003 later says it is money redirected from the Illegal Migration
            // Act budget. Recorded as a dispute and left open: no source settles it. The commitment stays counted as
            // redirected (the September step above) because 003 is the only source that says where the money comes from,
            // "new" in both reads as new to the command rather than new to the Treasury, and 004 has the Home Secretary
            // confirm only the November £75m as new money from the Budget. Appended last so the funding steps are untouched.
            new(Noon(2024, 11, 6), new RecordDispute
            {
                DisputeId = SeptemberOriginDisputeId,
                SubjectIds = [SeptemberRedirectId],
                Fact = "origin of the money",
                Sides =
                [
                    new DisputeSide("new investment (new money)", Provenance.Of(AggregatorNew75m, NewFundingForTech, SeptemberReleaseMirror)),
                    new DisputeSide("redirected from the Illegal Migration Act 2023 budget", Provenance.Of(NewFundingForTech, SeptemberReleaseMirror, FullFactTracker)),
                ],
                ValidOn = Day(2024, 9, 17),
                Provenance = Provenance.Of(AggregatorNew75m, NewFundingForTech, SeptemberReleaseMirror),
            }),

            // The command's own GOV.UK page gives 5 July 2024 as the day it was established; the Home Office's launch release
            // (mirror), Full Fact's tracker and the dates checked for this project give its launch on 7 July. The command is
            // counted from 7 July (three sources agree, and the page gives no source for its date); the disagreement is
            // recorded, open, so every answer about the command shows it. Appended last, like the dispute above.
            new(Noon(2024, 11, 6), new RecordDispute
            {
                DisputeId = CommandEstablishedDisputeId,
                SubjectIds = [BorderSecurityCommandId],
                Fact = "date established",
                Sides =
                [
                    new DisputeSide("established on 5 July 2024", Provenance.Of(CommandAboutPage)),
                    new DisputeSide("launched on 7 July 2024", Provenance.Of(LaunchReleaseMirror, FullFactTracker, CheckedFacts)),
                ],
                ValidOn = Day(2024, 7, 7),
                Provenance = Provenance.Of(CommandAboutPage, LaunchReleaseMirror, FullFactTracker),
            }),

            // The NCA target of 21 August 2024 was announced as "up to 100" officers: a ceiling. 0.1.0 recorded it as a firm 100
            // (targets had no basis then); this correction, on the target's own date and known from the announcement, puts it
            // right without rewriting the step above (whose idempotency key stores written by 0.1.0 hold).
            new(Noon(2024, 8, 21), new CorrectRecruitmentTargetBasis
            {
                TargetId = NcaOfficersId,
                Basis = TargetBasis.UpTo,
                Reason = "The August 2024 announcement was of up to 100 officers, a ceiling; it was first recorded as a firm 100",
                Provenance = Provenance.Of(CheckedFacts),
            }),

            // Outcomes (issue 23): what the sources report happened, beside what was promised. Appended last so every earlier
            // step keeps its place; an import keeps each step's known-from instant, so their order here does not matter.
            // The NCA's "around 70 investigations" is stated by the September release as what it is "currently leading":
            // a level on the release's date. Article 004 reports "more than 5,000" crossings in October 2024 and "more
            // than 430" over 1-2 November: reported figures, not an official release (no official release is among the sources).
            new(Noon(2024, 9, 17), new DefineIndicator
            {
                IndicatorId = NcaInvestigationsId,
                Name = "Investigations into organised immigration crime networks led by the NCA",
                Unit = "investigations",
                Measure = IndicatorMeasure.OnDate,
                ValidOn = Day(2024, 9, 17),
                Provenance = Provenance.Of(NewFundingForTech),
            }),
            new(Noon(2024, 9, 17), new ReleaseOutcome
            {
                IndicatorId = NcaInvestigationsId,
                Period = CountPeriod.Day(Day(2024, 9, 17)),
                Count = 70,
                Qualifier = OutcomeQualifier.Around,
                Status = ReleaseStatus.Reported,
                Provenance = Provenance.Of(NewFundingForTech, AggregatorNew75m),
            }),
            new(Noon(2024, 11, 4), new DefineIndicator
            {
                IndicatorId = SmallBoatArrivalsId,
                Name = "People arriving in small boats",
                Unit = "people",
                Measure = IndicatorMeasure.OverPeriod,
                ValidOn = Day(2024, 10, 1),
                Provenance = Provenance.Of(TreatSmugglersLikeTerrorists),
            }),
            new(Noon(2024, 11, 4), new ReleaseOutcome
            {
                IndicatorId = SmallBoatArrivalsId,
                Period = CountPeriod.Month(2024, 10),
                Count = 5_000,
                Qualifier = OutcomeQualifier.MoreThan,
                Status = ReleaseStatus.Reported,
                Provenance = Provenance.Of(TreatSmugglersLikeTerrorists),
            }),
            new(Noon(2024, 11, 4), new ReleaseOutcome
            {
                IndicatorId = SmallBoatArrivalsId,
                Period = CountPeriod.Days(Day(2024, 11, 1), Day(2024, 11, 2)),
                Count = 430,
                Qualifier = OutcomeQualifier.MoreThan,
                Status = ReleaseStatus.Reported,
                Provenance = Provenance.Of(TreatSmugglersLikeTerrorists),
            }),

            // The pledge and its verdict (issue 23). No source here dates the pledge itself (it predates the command), so it is
            // recorded from the earliest date its sources give: Full Fact's first dated step, the launch on 7 July 2024. What
            // delivers it is linked as the tracker's dated steps tie it to the pledge: the command and its commander from the
            // launch, the September money from 17 September, the November money and staff from 4 November; the small-boat
            // figures are linked as what the command's work is measured by, from the day they were reported. Full Fact rates the
            // pledge "achieved" and keeps no public history of its ratings, so the verdict is recorded as standing from its
            // entry's latest dated step (4 November 2024), known from the day the timeline's last sources were read.
            new(Noon(2024, 7, 7), new MakePledge
            {
                PledgeId = CreateCommandPledgeId,
                Text = "Create a Border Security Command",
                MadeBy = "UK Government",
                ValidOn = Day(2024, 7, 7),
                Provenance = Provenance.Of(FullFactTracker),
            }),
            Linked(Noon(2024, 7, 8), BorderSecurityCommandId, Day(2024, 7, 7), FullFactTracker, LaunchReleaseMirror),
            Linked(Noon(2024, 7, 8), CommanderId, Day(2024, 7, 8), LaunchReleaseMirror),
            Linked(Noon(2024, 9, 17), SeptemberRedirectId, Day(2024, 9, 17), FullFactTracker, SeptemberReleaseMirror),
            Linked(Noon(2024, 11, 4), NovemberBudgetId, Day(2024, 11, 4), FullFactTracker, TreatSmugglersLikeTerrorists),
            Linked(Noon(2024, 11, 4), BscStaffId, Day(2024, 11, 4), RecruitmentDrive),
            Linked(Noon(2024, 11, 4), SmallBoatArrivalsId, Day(2024, 11, 4), TreatSmugglersLikeTerrorists),
            new(Noon(2024, 11, 6), new GiveVerdict
            {
                PledgeId = CreateCommandPledgeId,
                Assessor = "Full Fact",
                Rating = VerdictRating.Achieved,
                Evidence = "The command was launched on 7 July 2024 and given up to £75m in September and a further £75m in November (the tracker's dated steps)",
                ValidOn = Day(2024, 11, 4),
                Provenance = Provenance.Of(FullFactTracker),
            }),
        ];
    }
}
