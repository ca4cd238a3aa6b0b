using Bogus;
using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Testing;

public static partial class HistoryGenerator
{
    /// <summary>
    /// Makes the generated spending reports, from its own random sequence (so the other streams of a seed stay as they were):
    /// after about one request in eight (in histories of up to 400 requests; in larger ones about 80 in all), a report against a
    /// commitment the store holds: planned or outturn, a kind, an amount that may exceed the promise (spending is flagged, not
    /// refused), dated inside its year for outturn; or a re-report of an earlier line on its own date with another amount (a
    /// revised outturn, known later). Only requests the decider accepts are kept.
    /// </summary>
    private sealed class SpendingMaker(Randomizer random, int requests)
    {
        private readonly int _oneIn = requests <= 400 ? 8 : requests / 80;
        private readonly List<ReportSpending> _reported = [];

        /// <summary>The next spending request, or <see langword="null"/> for none this time.</summary>
        public ReportSpending? Next(GeneratorStore store, Shape shape, int streams)
        {
            if (random.Int(0, _oneIn - 1) != 0)
            {
                return null;
            }

            var provenance = Provenance.Of(random.ArrayElement(shape.Sources));
            if (_reported.Count > 0 && random.Bool(0.3f))
            {
                var earlier = random.ListItem(_reported);
                return earlier with { Amount = earlier.Amount + Millions(random, 1, 5), Provenance = provenance };
            }

            var id = $"funding:g{random.Int(1, streams)}";
            if (Fold<FundingCommitment>(store, id, FundingCommitment.Evolve) is not { } commitment)
            {
                return null;
            }

            var year = new FinancialYear(FinancialYear.Of(commitment.CommittedOn).StartYear + random.Int(0, 2));
            var stage = random.Enum<SpendingStage>();
            var first = year.Start < commitment.CommittedOn ? commitment.CommittedOn : year.Start;
            var validOn = stage == SpendingStage.Outturn
                ? first.PlusDays(random.Int(0, NodaTime.Period.DaysBetween(first, year.End)))
                : commitment.CommittedOn.PlusDays(random.Int(0, 300));
            var request = new ReportSpending
            {
                CommitmentId = new(id),
                Year = year,
                Stage = stage,
                Kind = random.Enum<SpendingKind>(),
                Amount = Millions(random, 0, Math.Max(1, (int)(commitment.Amount.Pounds / 1_000_000m))),
                ValidOn = validOn,
                Provenance = provenance,
            };
            _reported.Add(request);
            return request;
        }
    }
}
