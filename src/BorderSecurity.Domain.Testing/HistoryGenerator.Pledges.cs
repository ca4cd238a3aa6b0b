using Bogus;
using BorderSecurity.Domain.Pledges;

namespace BorderSecurity.Domain.Testing;

public static partial class HistoryGenerator
{
    /// <summary>
    /// Makes the generated pledges, from its own random sequence (so the other streams of a seed stay as they were): after
    /// about one request in ten (in histories of up to 400 requests; in larger ones about 50 in all), a pledge (half of them
    /// parts of an earlier pledge), a stream the store holds linked to a recorded pledge as what delivers it, or a verdict on
    /// a recorded pledge by one of two assessors; links and verdicts on or after the day it was made. Only requests the
    /// decider accepts are made.
    /// </summary>
    private sealed class PledgeMaker(Randomizer random, int requests)
    {
        private static readonly string[] Assessors = ["Full Fact", "Generated assessor"];
        private readonly int _oneIn = requests <= 400 ? 10 : requests / 50;
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly List<string> _streams = [];
        private readonly List<(MakePledge Pledge, HashSet<string> Linked)> _pledges = [];

        /// <summary>Notes a stream the store now holds.</summary>
        public void Exists(string streamId)
        {
            if (_known.Add(streamId) && !streamId.StartsWith("pledge:", StringComparison.Ordinal) && !streamId.StartsWith("dispute:", StringComparison.Ordinal))
            {
                _streams.Add(streamId);
            }
        }

        /// <summary>The next pledge request, or <see langword="null"/> for none this time.</summary>
        public IPledgeRequest? Next(Shape shape)
        {
            if (random.Int(0, _oneIn - 1) != 0)
            {
                return null;
            }

            var provenance = Provenance.Of(random.ArrayElement(shape.Sources));
            if (_pledges.Count > 0 && _streams.Count > 0 && random.Bool(0.4f))
            {
                var (pledge, linked) = random.ListItem(_pledges);
                var subject = random.ListItem(_streams);
                return linked.Add(subject)
                    ? new LinkPledgeDeliverer { PledgeId = pledge.PledgeId, SubjectId = new(subject), ValidOn = After(random, pledge.ValidOn), Provenance = provenance }
                    : null;
            }

            if (_pledges.Count > 1 && random.Bool(0.5f))
            {
                var (pledge, _) = random.ListItem(_pledges);
                return new GiveVerdict
                {
                    PledgeId = pledge.PledgeId,
                    Assessor = random.ArrayElement(Assessors),
                    Rating = random.Enum<VerdictRating>(),
                    Evidence = "generated evidence",
                    ValidOn = After(random, pledge.ValidOn),
                    Provenance = provenance,
                };
            }

            var made = new MakePledge
            {
                PledgeId = new($"pledge:g{_pledges.Count + 1}"),
                Text = $"Generated pledge {_pledges.Count + 1}",
                MadeBy = "Generated government",
                PartOf = _pledges.Count > 0 && random.Bool(0.5f) ? random.ListItem(_pledges).Pledge.PledgeId : null,
                ValidOn = AnyDate(random),
                Provenance = provenance,
            };
            _pledges.Add((made, new HashSet<string>(StringComparer.Ordinal)));
            return made;
        }
    }
}
