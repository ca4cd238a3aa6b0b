using BorderSecurity.Domain.Recruitment;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Recruitment;

public class RecruitmentTargetSpecs
{
    private const string Id = "recruitment:test";
    private const string Nca = "National Crime Agency";

    private static readonly RecruitmentTargetSet Set = new(Id, Nca, "Investigators", 100, TargetBasis.Firm, On(12, 31), "Home Secretary", On(8, 21), Cited);

    private static SetRecruitmentTarget SetTarget(int headcount) => new SetRecruitmentTarget
    {
        TargetId = new(Id),
        Organisation = new(Nca),
        Role = "Investigators",
        Headcount = headcount,
        Deadline = On(12, 31),
        AnnouncedBy = "Home Secretary",
        ValidOn = On(8, 21),
        Provenance = Cited,
    };

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
        Given().When(new RecordRecruitmentProgress { TargetId = new(Id), InPost = 10, ValidOn = On(9, 1), Provenance = Cited }).ThenBreaks("TargetMustExist");

    [Fact]
    public void ReannouncingATargetAddsASourceAndNoHeads() =>
        Given(Set).When(new ReannounceRecruitmentTarget
        {
            TargetId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(11, 4),
            Provenance = CitedElsewhere,
        })
            .Then(new RecruitmentTargetReannounced(Id, "PM", On(11, 4), CitedElsewhere));

    [Fact]
    public void ReannouncingBeforeTheTargetWasSetIsRejected() =>
        Given(Set).When(new ReannounceRecruitmentTarget
        {
            TargetId = new(Id),
            AnnouncedBy = "PM",
            ValidOn = On(8, 1),
            Provenance = CitedElsewhere,
        }).ThenBreaks("NothingBeforeTargetSet");

    [Fact]
    public void RevisingATargetRecordsTheRevision() =>
        Given(Set).When(new ReviseRecruitmentTarget
        {
            TargetId = new(Id),
            RevisedHeadcount = 150,
            Reason = "Expanded",
            ValidOn = On(10, 1),
            Provenance = Cited,
        })
            .Then(new RecruitmentTargetRevised(Id, 150, "Expanded", On(10, 1), Cited));

    [Fact]
    public void RevisingOnTheTargetsOwnDateIsRejected() =>
        Given(Set).When(new ReviseRecruitmentTarget
        {
            TargetId = new(Id),
            RevisedHeadcount = 150,
            Reason = "Expanded",
            ValidOn = On(8, 21),
            Provenance = Cited,
        }).ThenBreaks("RevisionMustFollowTargetSet");

    [Fact]
    public void RevisingTwiceOnOneDateIsRejected() =>
        Given(Set, new RecruitmentTargetRevised(Id, 150, "Expanded", On(10, 1), Cited))
            .When(new ReviseRecruitmentTarget
            {
                TargetId = new(Id),
                RevisedHeadcount = 120,
                Reason = "Cut",
                ValidOn = On(10, 1),
                Provenance = Cited,
            }).ThenBreaks("OneRevisionPerDate");

    [Fact]
    public void RevisingToTheSameHeadcountIsRejected() =>
        Given(Set).When(new ReviseRecruitmentTarget
        {
            TargetId = new(Id),
            RevisedHeadcount = 100,
            Reason = "Same",
            ValidOn = On(10, 1),
            Provenance = Cited,
        }).ThenBreaks("RevisionChangesNothing");

    [Fact]
    public void CorrectingTheHeadcountRestatesItOnTheTargetsOwnDate() =>
        Given(Set).When(new CorrectRecruitmentTarget
        {
            TargetId = new(Id),
            CorrectedHeadcount = 90,
            Reason = "Misreported",
            Provenance = CitedElsewhere,
        })
            .Then(new RecruitmentTargetCorrected(Id, 90, "Misreported", On(8, 21), CitedElsewhere));

    [Fact]
    public void CorrectingToTheHeadcountAlreadyRecordedIsRejected() =>
        Given(Set).When(new CorrectRecruitmentTarget
        {
            TargetId = new(Id),
            CorrectedHeadcount = 100,
            Reason = "Same",
            Provenance = CitedElsewhere,
        }).ThenBreaks("CorrectionChangesNothing");

    [Fact]
    public void RecordingProgressRecordsTheCount() =>
        Given(Set).When(new RecordRecruitmentProgress { TargetId = new(Id), InPost = 40, ValidOn = On(10, 1), Provenance = Cited })
            .Then(new RecruitmentProgressRecorded(Id, 40, On(10, 1), Cited));

    [Fact]
    public void RecordingANegativeCountIsRejectedNamingIt() =>
        Given(Set).When(new RecordRecruitmentProgress { TargetId = new(Id), InPost = -1, ValidOn = On(10, 1), Provenance = Cited }).ThenRejectsArgument("InPost");

    [Fact]
    public void RecordingTwoCountsForOneDateIsRejected() =>
        Given(Set, new RecruitmentProgressRecorded(Id, 40, On(10, 1), Cited))
            .When(new RecordRecruitmentProgress { TargetId = new(Id), InPost = 45, ValidOn = On(10, 1), Provenance = Cited }).ThenBreaks("OneInPostCountPerDate");

    [Fact]
    public void MeetingATargetRecordsIt() =>
        Given(Set).When(new MarkRecruitmentTargetMet { TargetId = new(Id), InPost = 100, ValidOn = On(12, 1), Provenance = Cited })
            .Then(new RecruitmentTargetMet(Id, 100, On(12, 1), Cited));

    [Fact]
    public void MeetingATargetShortOfItsHeadcountIsRejected() =>
        Given(Set).When(new MarkRecruitmentTargetMet { TargetId = new(Id), InPost = 99, ValidOn = On(12, 1), Provenance = Cited }).ThenBreaks("TargetNotReached");

    [Fact]
    public void RecordingProgressOnAMetTargetIsRejected() =>
        Given(Set, new RecruitmentTargetMet(Id, 100, On(12, 1), Cited))
            .When(new RecordRecruitmentProgress { TargetId = new(Id), InPost = 101, ValidOn = On(12, 2), Provenance = Cited }).ThenBreaks("TargetClosed");

    [Fact]
    public void AbandoningATargetRecordsIt() =>
        Given(Set).When(new AbandonRecruitmentTarget
        {
            TargetId = new(Id),
            Reason = "Dropped",
            ValidOn = On(12, 1),
            Provenance = Cited,
        })
            .Then(new RecruitmentTargetAbandoned(Id, "Dropped", On(12, 1), Cited));

    [Fact]
    public void RevisingAnAbandonedTargetIsRejected() =>
        Given(Set, new RecruitmentTargetAbandoned(Id, "Dropped", On(12, 1), Cited))
            .When(new ReviseRecruitmentTarget
            {
                TargetId = new(Id),
                RevisedHeadcount = 150,
                Reason = "Revived",
                ValidOn = On(12, 2),
                Provenance = Cited,
            }).ThenBreaks("TargetClosed");

    [Fact]
    public void AReannouncedTargetIsOneTargetNotTwo()
    {
        var state = new IBorderSecurityEvent[] { Set, new RecruitmentTargetReannounced(Id, "PM", On(11, 4), CitedElsewhere) }
            .Aggregate((RecruitmentTarget?)null, RecruitmentTarget.Evolve)!;

        state.Should().BeEquivalentTo(new { Headcount = 100, Announcements = 2, Gap = 100 });
        state.Sources.Should().Equal(Source, OtherSource);
    }
}
