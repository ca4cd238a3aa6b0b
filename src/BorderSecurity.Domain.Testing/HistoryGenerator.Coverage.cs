using Bogus;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Testing;

public static partial class HistoryGenerator
{
    /// <summary>
    /// Tops a history up with the cases the property tests rely on, each only if chance left it out: a funding correction
    /// recorded after its original (so a question falls between them), a withdrawal, a re-announcement, a redirect from
    /// an enacted Act, a dispute recorded and later resolved, a back-fill within one stream (a fact recorded after a later-dated fact of the same stream),
    /// a commitment pledged as a yearly level, and a total over years turned into a yearly level by a period revision (from its date) and by a
    /// period correction known after its original (so totals move money between the sum of amounts and the yearly levels on both axes).
    /// Each goes through the deciders like any request, on fresh <c>…:cover-…</c> streams, the clock moving on between steps.
    /// </summary>
    private static void Cover(Randomizer random, GeneratorStore store, SteppingClock clock, int maxStepMinutes,
        List<IBorderSecurityRequest> accepted, List<TimelineStep> steps)
    {
        var provenance = Provenance.Of(random.ArrayElement(Sources));
        void Submit(IBorderSecurityRequest request)
        {
            clock.Set(clock.Now + Duration.FromMinutes(random.Int(1, maxStepMinutes)));
            var recorded = store.Submit(request);
            accepted.Add(request);
            steps.Add(new TimelineStep(recorded[0].RecordedAt, request));
        }

        PledgeFunding Pledge(string id) =>
            new PledgeFunding
            {
                CommitmentId = new(id),
                Recipient = new(random.ArrayElement(RecipientNames)),
                Amount = Millions(random, 1, 100),
                Basis = FundingBasis.Firm,
                OriginName = "Autumn Budget 2024",
                Period = new FundingPeriod("generated"),
                Purpose = "generated purpose",
                AnnouncedBy = "generator",
                ValidOn = AnyDate(random),
                Provenance = provenance,
            };

        var log = store.ReadAll();
        if (!log.Any(e => e.Data is FundingAmountCorrected && e.RecordedAt > log.First(o => o.StreamId == e.StreamId).RecordedAt))
        {
            var pledge = Pledge("funding:cover-correction");
            Submit(pledge);
            Submit(new CorrectFundingAmount
            {
                CommitmentId = pledge.CommitmentId,
                CorrectedAmount = pledge.Amount + Money.FromMillions(random.Int(1, 20)),
                Reason = "generated correction",
                Provenance = provenance,
            });
        }

        if (!log.Any(e => e.Data is FundingWithdrawn))
        {
            var pledge = Pledge("funding:cover-withdrawal");
            Submit(pledge);
            Submit(new WithdrawFunding
            {
                CommitmentId = pledge.CommitmentId,
                Reason = "generated withdrawal",
                ValidOn = After(random, pledge.ValidOn),
                Provenance = provenance,
            });
        }

        if (!log.Any(e => e.Data is FundingReannounced or RecruitmentTargetReannounced))
        {
            var pledge = Pledge("funding:cover-reannouncement");
            Submit(pledge);
            Submit(new ReannounceFunding
            {
                CommitmentId = pledge.CommitmentId,
                AnnouncedBy = "generator",
                ValidOn = After(random, pledge.ValidOn),
                Provenance = provenance,
            });
        }

        if (!log.Any(e => e.Data is FundingRedirected { FromLegislationId: not null }))
        {
            var act = new RecordEnactedLegislation
            {
                LegislationId = new("legislation:cover-act"),
                Title = "Generated Act legislation:cover-act",
                RoyalAssentOn = Start.PlusDays(-random.Int(1, 400)),
                Provenance = provenance,
            };
            Submit(act);
            Submit(new RedirectFunding
            {
                CommitmentId = new("funding:cover-redirect"),
                Recipient = new(random.ArrayElement(RecipientNames)),
                Amount = Millions(random, 1, 100),
                Basis = FundingBasis.UpTo,
                FromProgramme = act.Title,
                FromLegislationId = act.LegislationId,
                Period = new FundingPeriod("generated"),
                Purpose = "generated purpose",
                AnnouncedBy = "generator",
                ValidOn = AnyDate(random),
                Provenance = provenance,
            });
        }

        if (!log.Any(e => e.Data is DisputeResolved))
        {
            var on = AnyDate(random);
            var dispute = new RecordDispute
            {
                DisputeId = new("dispute:cover"),
                SubjectIds = [new(log.FirstOrDefault()?.StreamId ?? "funding:cover-correction")],
                Fact = "generated fact",
                Sides = [new DisputeSide("one account", Provenance.Of(Sources[0])), new DisputeSide("another account", Provenance.Of(Sources[1]))],
                ValidOn = on,
                Provenance = provenance,
            };
            Submit(dispute);
            Submit(new ResolveDispute
            {
                DisputeId = dispute.DisputeId,
                FavouredSide = random.Int(1, 2),
                Why = "generated resolution",
                ValidOn = After(random, on),
                Provenance = provenance,
            });
        }

        if (!log.GroupBy(e => e.StreamId).Any(stream => stream.Any(e => stream.Any(earlier => earlier.Sequence < e.Sequence
                && earlier.ValidOn > e.ValidOn && earlier.RecordedAt < e.RecordedAt))))
        {
            var on = AnyDate(random);
            var target = new SetRecruitmentTarget
            {
                TargetId = new("recruitment:cover-backfill"),
                Organisation = new(random.ArrayElement(Organisations)),
                Role = "generated role",
                Headcount = random.Int(10, 500),
                AnnouncedBy = "generator",
                ValidOn = on,
                Provenance = provenance,
            };
            Submit(target);
            Submit(new RecordRecruitmentProgress
            {
                TargetId = target.TargetId,
                InPost = random.Int(0, target.Headcount - 1),
                ValidOn = on.PlusDays(random.Int(101, 300)),
                Provenance = provenance,
            });
            Submit(new RecordRecruitmentProgress
            {
                TargetId = target.TargetId,
                InPost = random.Int(0, target.Headcount - 1),
                ValidOn = on.PlusDays(random.Int(1, 100)),
                Provenance = provenance,
            });
        }

        if (!log.Any(e => e.Data is FundingPledged { Period.IsYearlyLevel: true } or FundingRedirected { Period.IsYearlyLevel: true }))
        {
            var pledge = Pledge("funding:cover-yearly-level");
            Submit(pledge with { Period = FundingPeriod.YearlyBy(new FinancialYear(FinancialYear.Of(pledge.ValidOn).StartYear + random.Int(1, 3)), "generated yearly level") });
        }

        bool Switches(RecordedEvent e, FundingPeriod period) =>
            FundingStatements.PeriodOf(log.First(o => o.StreamId == e.StreamId).Data) is { } created && created.IsYearlyLevel != period.IsYearlyLevel;
        if (!log.Any(e => e.Data is FundingPeriodRevised r && Switches(e, r.Period)) || !log.Any(e => e.Data is FundingPeriodCorrected c && Switches(e, c.Period)))
        {
            var pledge = Pledge("funding:cover-becomes-yearly");
            var year = FinancialYear.Of(pledge.ValidOn);
            Submit(pledge with { Period = FundingPeriod.OverYears(year, year.Next(), "generated over years") });
            Submit(new AllocateFunding
            {
                CommitmentId = pledge.CommitmentId,
                Capability = random.ArrayElement(Capabilities),
                Amount = Money.FromPounds(decimal.Round(pledge.Amount.Pounds * random.Int(0, 40) / 100m, 2)),
                ValidOn = After(random, pledge.ValidOn),
                Provenance = provenance,
            });
            var revisedOn = pledge.ValidOn.PlusDays(random.Int(1, 400));
            Submit(new ReviseFundingPeriod
            {
                CommitmentId = pledge.CommitmentId,
                Period = FundingPeriod.YearlyFrom(FinancialYear.Of(revisedOn), "generated yearly level"),
                Reason = "generated period revision",
                ValidOn = revisedOn,
                Provenance = provenance,
            });
            Submit(new CorrectFundingPeriod
            {
                CommitmentId = pledge.CommitmentId,
                Period = FundingPeriod.YearlyBy(year.Next(), "generated yearly level"),
                Reason = "generated period correction",
                Provenance = provenance,
            });
        }
    }
}
