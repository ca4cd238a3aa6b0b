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
            new(id, random.ArrayElement(RecipientNames), Millions(random, 1, 100), FundingBasis.Firm, "Autumn Budget 2024", new FundingPeriod("generated"),
                "generated purpose", "generator", AnyDate(random), provenance);

        var log = store.ReadAll();
        if (!log.Any(e => e.Data is FundingAmountCorrected && e.RecordedAt > log.First(o => o.StreamId == e.StreamId).RecordedAt))
        {
            var pledge = Pledge("funding:cover-correction");
            Submit(pledge);
            Submit(new CorrectFundingAmount(pledge.CommitmentId, pledge.Amount + Money.FromMillions(random.Int(1, 20)), "generated correction", provenance));
        }

        if (!log.Any(e => e.Data is FundingWithdrawn))
        {
            var pledge = Pledge("funding:cover-withdrawal");
            Submit(pledge);
            Submit(new WithdrawFunding(pledge.CommitmentId, "generated withdrawal", After(random, pledge.ValidOn), provenance));
        }

        if (!log.Any(e => e.Data is FundingReannounced or RecruitmentTargetReannounced))
        {
            var pledge = Pledge("funding:cover-reannouncement");
            Submit(pledge);
            Submit(new ReannounceFunding(pledge.CommitmentId, "generator", After(random, pledge.ValidOn), provenance));
        }

        if (!log.Any(e => e.Data is FundingRedirected { FromLegislationId: not null }))
        {
            var act = new RecordEnactedLegislation("legislation:cover-act", "Generated Act legislation:cover-act", Start.PlusDays(-random.Int(1, 400)), provenance);
            Submit(act);
            Submit(new RedirectFunding("funding:cover-redirect", random.ArrayElement(RecipientNames), Millions(random, 1, 100), FundingBasis.UpTo,
                act.Title, act.LegislationId, new FundingPeriod("generated"), "generated purpose", "generator", AnyDate(random), provenance));
        }

        if (!log.Any(e => e.Data is DisputeResolved))
        {
            var on = AnyDate(random);
            var dispute = new RecordDispute("dispute:cover", log.FirstOrDefault()?.StreamId ?? "funding:cover-correction", "generated fact",
                [new DisputeSide("one account", Provenance.Of(Sources[0])), new DisputeSide("another account", Provenance.Of(Sources[1]))], on, provenance);
            Submit(dispute);
            Submit(new ResolveDispute(dispute.DisputeId, random.Int(1, 2), null, "generated resolution", After(random, on), provenance));
        }

        if (!log.GroupBy(e => e.StreamId).Any(stream => stream.Any(e => stream.Any(earlier => earlier.Sequence < e.Sequence
                && earlier.ValidOn > e.ValidOn && earlier.RecordedAt < e.RecordedAt))))
        {
            var on = AnyDate(random);
            var target = new SetRecruitmentTarget("recruitment:cover-backfill", random.ArrayElement(Organisations), "generated role", random.Int(10, 500),
                null, "generator", on, provenance);
            Submit(target);
            Submit(new RecordRecruitmentProgress(target.TargetId, random.Int(0, target.Headcount - 1), on.PlusDays(random.Int(101, 300)), provenance));
            Submit(new RecordRecruitmentProgress(target.TargetId, random.Int(0, target.Headcount - 1), on.PlusDays(random.Int(1, 100)), provenance));
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
            Submit(new AllocateFunding(pledge.CommitmentId, random.ArrayElement(Capabilities), Money.FromPounds(decimal.Round(pledge.Amount.Pounds * random.Int(0, 40) / 100m, 2)),
                After(random, pledge.ValidOn), provenance));
            var revisedOn = pledge.ValidOn.PlusDays(random.Int(1, 400));
            Submit(new ReviseFundingPeriod(pledge.CommitmentId, FundingPeriod.YearlyFrom(FinancialYear.Of(revisedOn), "generated yearly level"), "generated period revision",
                revisedOn, provenance));
            Submit(new CorrectFundingPeriod(pledge.CommitmentId, FundingPeriod.YearlyBy(year.Next(), "generated yearly level"), "generated period correction", provenance));
        }
    }
}
