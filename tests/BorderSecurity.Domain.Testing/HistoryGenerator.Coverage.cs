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
    /// an enacted Act, a dispute recorded and later resolved, and a back-fill within one stream (a fact recorded after a later-dated fact of the same stream).
    /// Each goes through the deciders like any request, on fresh <c>…:cover-…</c> streams, the clock moving on between steps.
    /// </summary>
    private static void Cover(Randomizer random, InMemoryEventStore store, SteppingClock clock, int maxStepMinutes,
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
    }
}
