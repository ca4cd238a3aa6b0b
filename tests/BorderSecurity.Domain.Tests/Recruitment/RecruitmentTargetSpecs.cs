using BorderSecurity.Domain.Recruitment;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Recruitment;

public class RecruitmentTargetSpecs
{
    private const string Id = "recruitment:test";
    private const string Nca = "National Crime Agency";

    private static readonly RecruitmentTargetSet Set = new(Id, Nca, "Investigators", 100, On(12, 31), "Home Secretary", On(8, 21), Cited);

    private static SetRecruitmentTarget SetTarget(int headcount) => new(Id, Nca, "Investigators", headcount, On(12, 31), "Home Secretary", On(8, 21), Cited);

    [Fact]
    public void SettingATargetRecordsIt() => Given().When(SetTarget(100)).Then(Set);

    [Fact]
    public void SettingATargetTwiceIsRejected() => Given(Set).When(SetTarget(100)).ThenBreaks("TargetAlreadyExists");

    [Fact]
    public void SettingATargetOfNoOneIsRejectedNamingTheHeadcount() => Given().When(SetTarget(0)).ThenRejectsArgument("Headcount");

    [Fact]
    public void SettingAnAbsurdTargetIsRejectedNamingTheHeadcount() => Given().When(SetTarget(5_000_000)).ThenRejectsArgument("Headcount");

    [Fact]
    public void SettingADeadlineBeforeTheTargetIsRejected() =>
        Given().When(SetTarget(100) with { Deadline = On(8, 1) }).ThenBreaks("DeadlineBeforeTargetSet");

    [Fact]
    public void ChangingATargetThatDoesNotExistIsRejected() =>
        Given().When(new RecordRecruitmentProgress(Id, 10, On(9, 1), Cited)).ThenBreaks("TargetMustExist");

    [Fact]
    public void ReannouncingATargetAddsASourceAndNoHeads() =>
        Given(Set).When(new ReannounceRecruitmentTarget(Id, "PM", On(11, 4), CitedElsewhere))
            .Then(new RecruitmentTargetReannounced(Id, "PM", On(11, 4), CitedElsewhere));

    [Fact]
    public void ReannouncingBeforeTheTargetWasSetIsRejected() =>
        Given(Set).When(new ReannounceRecruitmentTarget(Id, "PM", On(8, 1), CitedElsewhere)).ThenBreaks("NothingBeforeTargetSet");

    [Fact]
    public void RevisingATargetRecordsTheRevision() =>
        Given(Set).When(new ReviseRecruitmentTarget(Id, 150, "Expanded", On(10, 1), Cited))
            .Then(new RecruitmentTargetRevised(Id, 150, "Expanded", On(10, 1), Cited));

    [Fact]
    public void RevisingOnTheTargetsOwnDateIsRejected() =>
        Given(Set).When(new ReviseRecruitmentTarget(Id, 150, "Expanded", On(8, 21), Cited)).ThenBreaks("RevisionMustFollowTargetSet");

    [Fact]
    public void RevisingTwiceOnOneDateIsRejected() =>
        Given(Set, new RecruitmentTargetRevised(Id, 150, "Expanded", On(10, 1), Cited))
            .When(new ReviseRecruitmentTarget(Id, 120, "Cut", On(10, 1), Cited)).ThenBreaks("OneRevisionPerDate");

    [Fact]
    public void RevisingToTheSameHeadcountIsRejected() =>
        Given(Set).When(new ReviseRecruitmentTarget(Id, 100, "Same", On(10, 1), Cited)).ThenBreaks("RevisionChangesNothing");

    [Fact]
    public void CorrectingTheHeadcountRestatesItOnTheTargetsOwnDate() =>
        Given(Set).When(new CorrectRecruitmentTarget(Id, 90, "Misreported", CitedElsewhere))
            .Then(new RecruitmentTargetCorrected(Id, 90, "Misreported", On(8, 21), CitedElsewhere));

    [Fact]
    public void CorrectingToTheHeadcountAlreadyRecordedIsRejected() =>
        Given(Set).When(new CorrectRecruitmentTarget(Id, 100, "Same", CitedElsewhere)).ThenBreaks("CorrectionChangesNothing");

    [Fact]
    public void RecordingProgressRecordsTheCount() =>
        Given(Set).When(new RecordRecruitmentProgress(Id, 40, On(10, 1), Cited))
            .Then(new RecruitmentProgressRecorded(Id, 40, On(10, 1), Cited));

    [Fact]
    public void RecordingANegativeCountIsRejectedNamingIt() =>
        Given(Set).When(new RecordRecruitmentProgress(Id, -1, On(10, 1), Cited)).ThenRejectsArgument("InPost");

    [Fact]
    public void RecordingTwoCountsForOneDateIsRejected() =>
        Given(Set, new RecruitmentProgressRecorded(Id, 40, On(10, 1), Cited))
            .When(new RecordRecruitmentProgress(Id, 45, On(10, 1), Cited)).ThenBreaks("OneInPostCountPerDate");

    [Fact]
    public void MeetingATargetRecordsIt() =>
        Given(Set).When(new MarkRecruitmentTargetMet(Id, 100, On(12, 1), Cited))
            .Then(new RecruitmentTargetMet(Id, 100, On(12, 1), Cited));

    [Fact]
    public void MeetingATargetShortOfItsHeadcountIsRejected() =>
        Given(Set).When(new MarkRecruitmentTargetMet(Id, 99, On(12, 1), Cited)).ThenBreaks("TargetNotReached");

    [Fact]
    public void RecordingProgressOnAMetTargetIsRejected() =>
        Given(Set, new RecruitmentTargetMet(Id, 100, On(12, 1), Cited))
            .When(new RecordRecruitmentProgress(Id, 101, On(12, 2), Cited)).ThenBreaks("TargetClosed");

    [Fact]
    public void AbandoningATargetRecordsIt() =>
        Given(Set).When(new AbandonRecruitmentTarget(Id, "Dropped", On(12, 1), Cited))
            .Then(new RecruitmentTargetAbandoned(Id, "Dropped", On(12, 1), Cited));

    [Fact]
    public void RevisingAnAbandonedTargetIsRejected() =>
        Given(Set, new RecruitmentTargetAbandoned(Id, "Dropped", On(12, 1), Cited))
            .When(new ReviseRecruitmentTarget(Id, 150, "Revived", On(12, 2), Cited)).ThenBreaks("TargetClosed");

    [Fact]
    public void AReannouncedTargetIsOneTargetNotTwo()
    {
        var state = new IBorderSecurityEvent[] { Set, new RecruitmentTargetReannounced(Id, "PM", On(11, 4), CitedElsewhere) }
            .Aggregate((RecruitmentTarget?)null, RecruitmentTarget.Evolve)!;

        state.Should().BeEquivalentTo(new { Headcount = 100, Announcements = 2, Gap = 100 });
        state.Sources.Should().Equal(Source, OtherSource);
    }
}
