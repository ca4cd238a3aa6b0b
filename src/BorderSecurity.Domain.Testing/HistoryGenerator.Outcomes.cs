using Bogus;
using BorderSecurity.Domain.Outcomes;

namespace BorderSecurity.Domain.Testing;

public static partial class HistoryGenerator
{
    /// <summary>
    /// Makes the generated outcome indicators, from its own random sequence (so the other streams of a seed stay as they
    /// were): after about one request in ten (in histories of up to 400 requests; in larger ones about 60 in all), the
    /// definition of a new indicator (up to three, one measured on a date), a first release of a period not yet released,
    /// or a revision of a released one with a new count, qualifier or status. Only requests the decider accepts are made.
    /// </summary>
    private sealed class OutcomeMaker(Randomizer random, int requests)
    {
        private readonly int _oneIn = requests <= 400 ? 10 : requests / 60;
        private readonly List<(DefineIndicator Definition, Dictionary<CountPeriod, long> Released)> _indicators = [];

        /// <summary>The next outcome request, or <see langword="null"/> for none this time.</summary>
        public IOutcomeRequest? Next(Shape shape)
        {
            if (random.Int(0, _oneIn - 1) != 0)
            {
                return null;
            }

            var provenance = Provenance.Of(random.ArrayElement(shape.Sources));
            if (_indicators.Count == 0 || (_indicators.Count < 3 && random.Bool(0.2f)))
            {
                var definition = new DefineIndicator
                {
                    IndicatorId = new($"indicator:g{_indicators.Count + 1}"),
                    Name = $"Generated indicator {_indicators.Count + 1}",
                    Unit = "people",
                    Measure = _indicators.Count == 1 ? IndicatorMeasure.OnDate : IndicatorMeasure.OverPeriod,
                    ValidOn = AnyDate(random),
                    Provenance = provenance,
                };
                _indicators.Add((definition, []));
                return definition;
            }

            var (indicator, released) = random.ListItem(_indicators);
            var qualifier = random.Enum<OutcomeQualifier>();
            if (released.Count > 0 && random.Bool(0.4f))
            {
                // A different count from the latest, so the revision always changes something.
                var (period, latest) = random.ListItem(released.ToList());
                var count = (latest + random.Long(1, 500)) % 10_000;
                released[period] = count;
                return new ReviseOutcome
                {
                    IndicatorId = indicator.IndicatorId,
                    Period = period,
                    Count = count,
                    Qualifier = qualifier,
                    Status = random.Bool() ? ReleaseStatus.Revised : ReleaseStatus.Corrected,
                    Reason = "generated revision",
                    Provenance = provenance,
                };
            }

            var from = indicator.ValidOn.PlusDays(random.Int(0, 500));
            var newPeriod = indicator.Measure == IndicatorMeasure.OnDate
                ? CountPeriod.Day(from)
                : random.Bool() ? CountPeriod.Month(from.Year, from.Month) : CountPeriod.Days(from, from.PlusDays(random.Int(0, 20)));
            var first = random.Long(0, 9_999);
            if (newPeriod.From < indicator.ValidOn || !released.TryAdd(newPeriod, first))
            {
                return null;
            }

            return new ReleaseOutcome
            {
                IndicatorId = indicator.IndicatorId,
                Period = newPeriod,
                Count = first,
                Qualifier = qualifier,
                Status = random.Bool() ? ReleaseStatus.Reported : ReleaseStatus.ProvisionalOfficial,
                Provenance = provenance,
            };
        }
    }
}
