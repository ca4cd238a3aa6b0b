using Bogus;
using BorderSecurity.Domain.Disputes;

namespace BorderSecurity.Domain.Testing;

public static partial class HistoryGenerator
{
    /// <summary>
    /// Makes the generated disputes, from its own random sequence: after about one request in eight (in histories of up to
    /// 400 requests; in larger ones about 50 in all, as disputes are rare beside the facts they question), a dispute recorded
    /// about one stream the store already holds (a commitment, target, bill, command, outcome indicator or pledge), or about
    /// one in four times two or three of them, on a random valid date (often before the
    /// instant it is recorded, sometimes after it), or the resolution of an open one on or after its date. Only requests
    /// the deciders accept are made. Keeps what it needs as it goes, so a large history costs no rescans.
    /// </summary>
    private sealed class DisputeMaker(Randomizer random, int requests)
    {
        private readonly int _oneIn = requests <= 400 ? 8 : requests / 50;
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly List<string> _subjects = [];
        private readonly List<RecordDispute> _open = [];
        private int _recorded;

        /// <summary>Notes a stream the store now holds.</summary>
        public void Exists(string streamId)
        {
            if (_known.Add(streamId))
            {
                _subjects.Add(streamId);
            }
        }

        /// <summary>The next dispute request, or <see langword="null"/> for none this time.</summary>
        public IBorderSecurityRequest? Next(Shape shape)
        {
            if (random.Int(0, _oneIn - 1) != 0 || _subjects.Count == 0)
            {
                return null;
            }

            var provenance = Provenance.Of(random.ArrayElement(shape.Sources));
            if (_open.Count > 0 && random.Bool(0.4f))
            {
                var index = random.Int(0, _open.Count - 1);
                var dispute = _open[index];
                _open.RemoveAt(index);
                var side = random.Int(0, 2);
                return new ResolveDispute
                {
                    DisputeId = dispute.DisputeId,
                    FavouredSide = side > 0 ? side : null,
                    Resolution = side > 0 ? null : "generated settlement",
                    Why = "generated resolution",
                    ValidOn = After(random, dispute.ValidOn),
                    Provenance = provenance,
                };
            }

            var recorded = new RecordDispute
            {
                DisputeId = new($"dispute:g{++_recorded}"),
                SubjectIds = [.. Subjects().Select(id => new StreamId(id))],
                Fact = $"generated fact {random.Int(1, 3)}",
                Sides = [new DisputeSide("one account", Provenance.Of(shape.Sources[0])), new DisputeSide("another account", Provenance.Of(random.ArrayElement(shape.Sources)))],
                ValidOn = AnyDate(random),
                Provenance = provenance,
            };
            _open.Add(recorded);
            return recorded;
        }

        // Mostly one subject; about one dispute in four names two or three (a figure a commitment and a target both state),
        // each once, in a random order.
        private IEnumerable<string> Subjects()
        {
            var count = Math.Min(_subjects.Count, random.Bool(0.25f) ? random.Int(2, 3) : 1);
            return random.ListItems(_subjects, count);
        }
    }
}
