using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Recruitment;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.Tests.Support.Facts;
using static BorderSecurity.Domain.Tests.Support.Spec;

namespace BorderSecurity.Domain.Tests.Disputes;

/// <summary>A dispute's subjects must already be in the store: decided with the subjects' streams as the referenced histories.</summary>
public class DisputeSubjectSpecs
{
    private static readonly FundingPledged Pledged =
        new("funding:disputed", "Border Security Command", M(75), FundingBasis.UpTo, null, TwoYears, "Technology", "Home Secretary", On(9, 17), Cited);

    private static readonly IReadOnlyList<DisputeSide> TwoSides =
        [new DisputeSide("new investment", Cited), new DisputeSide("redirected from the Illegal Migration Act budget", Cited)];

    private static readonly RecruitmentTargetSet Staff =
        new("recruitment:staff", "Border Security Command", "staff", 300, TargetBasis.Firm, null, "Prime Minister", On(11, 4), Cited);

    private static RecordDispute Record(params string[] subjectIds) => new RecordDispute
    {
        DisputeId = new("dispute:origin"),
        SubjectIds = [.. subjectIds.Select(id => new StreamId(id))],
        Fact = "origin of the money",
        Sides = TwoSides,
        ValidOn = On(9, 17),
        Provenance = Cited,
    };

    [Fact]
    public void ADisputeAboutAnExistingCommitmentIsRecorded() =>
        Given().Referencing(Pledged).When(Record("funding:disputed"))
            .Then(new DisputeRecorded("dispute:origin", ["funding:disputed"], "origin of the money", TwoSides, On(9, 17), Cited));

    [Fact]
    public void ADisputeAboutACommitmentAndATargetIsRecordedOnceNamingBothInOrder() =>
        Given().Referencing(Pledged, Staff).When(Record("recruitment:staff", "funding:disputed"))
            .Then(new DisputeRecorded("dispute:origin", ["recruitment:staff", "funding:disputed"], "origin of the money", TwoSides, On(9, 17), Cited));

    [Fact]
    public void ADisputeAboutNoSubjectBreaksDisputeNeedsASubject() =>
        Given().Referencing(Pledged).When(Record()).ThenBreaks("DisputeNeedsASubject");

    [Fact]
    public void ASubjectNamedTwiceBreaksDisputeSubjectNamedTwiceNamingTheSecond()
    {
        var act = () => BorderSecurityDecider.Decide([], Record("funding:disputed", "recruitment:staff", "funding:disputed"), [Pledged, Staff]);
        var error = act.Should().Throw<DomainRuleViolationException>().Which;
        error.Rule.Should().Be("DisputeSubjectNamedTwice");
        error.Message.Should().Contain("SubjectIds[2] 'funding:disputed'").And.Contain("SubjectIds[0]");
    }

    [Fact]
    public void OneUnknownSubjectAmongKnownOnesBreaksDisputeSubjectMustExistNamingIt()
    {
        var act = () => BorderSecurityDecider.Decide([], Record("funding:disputed", "recruitment:nowhere"), [Pledged]);
        var error = act.Should().Throw<DomainRuleViolationException>().Which;
        error.Rule.Should().Be("DisputeSubjectMustExist");
        error.Message.Should().Contain("SubjectIds[1] 'recruitment:nowhere'");
    }

    [Fact]
    public void ANullListOfSubjectsIsAnArgumentErrorNamingSubjectIds()
    {
        var act = () => BorderSecurityDecider.Decide([], Record() with { SubjectIds = null! }, [Pledged]);
        act.Should().Throw<ArgumentNullException>().WithParameterName("SubjectIds");
    }

    [Fact]
    public void TheReferencedStreamsAreEverySubjectOnce() =>
        BorderSecurityDecider.ReferencedStreamsOf(Record("funding:disputed", "recruitment:staff", "funding:disputed")).Select(s => s.Value)
            .Should().Equal("funding:disputed", "recruitment:staff");

    [Fact]
    public void ADisputeAboutAStreamWithNoEventsBreaksDisputeSubjectMustExist() =>
        Given().When(Record("funding:nowhere")).ThenBreaks("DisputeSubjectMustExist");

    [Fact]
    public void ADisputeAboutAnotherDisputeBreaksDisputeSubjectMustExist() =>
        Given().Referencing(new DisputeRecorded("dispute:other", ["funding:disputed"], "fact", TwoSides, On(9, 17), Cited))
            .When(Record("dispute:other")).ThenBreaks("DisputeSubjectMustExist");

    [Fact]
    public void TheRefusalNamesTheSubjectField()
    {
        var act = () => BorderSecurityDecider.Decide([], Record("funding:nowhere"));
        act.Should().Throw<DomainRuleViolationException>().Which.Message.Should().Contain("SubjectIds[0] 'funding:nowhere'");
    }

    [Fact]
    public async Task ATimelineDisputingASubjectRecordedOnlyLaterIsRejectedAtThatStepAndStoresNothingOfIt()
    {
        var store = new InMemoryBorderSecurityStore(SystemClock.Instance);
        var known = Instant.FromUtc(2024, 11, 6, 12, 0);
        var pledge = new TimelineStep(known, new PledgeFunding
        {
            CommitmentId = new("funding:disputed"),
            Recipient = new("Border Security Command"),
            Amount = M(75),
            Basis = FundingBasis.UpTo,
            Period = TwoYears,
            Purpose = "Technology",
            AnnouncedBy = "Home Secretary",
            ValidOn = On(9, 17),
            Provenance = Cited,
        });
        var dispute = new TimelineStep(known, Record("funding:disputed"));

        var import = () => store.ImportAsync([dispute, pledge]);
        var error = (await import.Should().ThrowAsync<TimelineImportException>()).Which;
        error.Step.Should().Be(0);
        error.InnerException.Should().BeOfType<DomainRuleViolationException>().Which.Rule.Should().Be("DisputeSubjectMustExist");
        (await store.ReadAllAsync()).Should().BeEmpty();

        await store.ImportAsync([pledge, dispute]);
        (await store.ReadAllAsync()).Select(e => e.StreamId).Should().Equal("funding:disputed", "dispute:origin");
    }
}
