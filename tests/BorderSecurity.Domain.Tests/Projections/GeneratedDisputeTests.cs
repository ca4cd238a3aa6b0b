using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Tests.Projections;

/// <summary>Generated histories dispute facts regularly, so the property tests check disputed answers on every shape.</summary>
public class GeneratedDisputeTests
{
    [Fact]
    public void GeneratedHistoriesRecordDisputesAboutExistingStreamsSomeResolvedSomeKnownAfterTheirDate()
    {
        int withSeveral = 0, resolved = 0, knownAfterTheirDate = 0, knownBeforeTheirDate = 0, aboutSeveralSubjects = 0;
        var subjectKinds = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 100; seed++)
        {
            var history = HistoryGenerator.Generate(seed, requests: 40);
            var records = history.Events.Where(e => e.Data is DisputeRecorded).ToList();
            withSeveral += records.Count >= 2 ? 1 : 0;
            resolved += history.Events.Count(e => e.Data is DisputeResolved);
            foreach (var record in records)
            {
                var subjects = ((DisputeRecorded)record.Data).SubjectIds;
                subjects.Should().OnlyHaveUniqueItems($"seed {seed}: a dispute names each subject once");
                aboutSeveralSubjects += subjects.Count > 1 ? 1 : 0;
                foreach (var subject in subjects)
                {
                    history.Events.Should().Contain(e => e.StreamId == subject && e.Sequence < record.Sequence, $"seed {seed}: the subject exists before its dispute");
                    subjectKinds.Add(subject[..subject.IndexOf(':', StringComparison.Ordinal)]);
                }

                knownAfterTheirDate += record.KnownFrom > record.ValidOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() ? 1 : 0;
                knownBeforeTheirDate += record.KnownFrom < record.ValidOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() ? 1 : 0;
            }
        }

        withSeveral.Should().BeGreaterThan(80, "disputes are generated regularly, not only the one the cover adds");
        resolved.Should().BeGreaterThan(100);
        aboutSeveralSubjects.Should().BeGreaterThan(20, "some disputes concern two or three subjects, so the answers that list them are checked too");
        knownAfterTheirDate.Should().BeGreaterThan(50);
        knownBeforeTheirDate.Should().BeGreaterThan(50);
        subjectKinds.Should().BeEquivalentTo(["funding", "recruitment", "legislation", "command", "indicator", "pledge"]);
    }
}
