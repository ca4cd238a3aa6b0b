using System.Text;
using System.Text.Json;
using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Tests.Disputes;

/// <summary>
/// Stored history keeps reading now that a dispute may concern several subjects: checked-in JSON of
/// <c>dispute.recorded.v1</c> (one <c>SubjectId</c>) reads as a v2 dispute about that one subject, and is answered by the
/// in-memory store; a timeline file of format 4 (<c>subjectId</c>) reads forward, keyed as it was keyed then.
/// </summary>
public class DisputeVersioningTests
{
    /// <summary>Options that read events as Marten stores them (property names as declared, ISO dates, the model's converters).</summary>
    private static readonly JsonSerializerOptions Stored = new JsonSerializerOptions
    {
        Converters = { new NodaTimeIsoConverters.LocalDateConverter(), new NodaTimeIsoConverters.DateIntervalConverter() },
    }.ConfigureForBorderSecurity();

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static DisputeRecorded ReadV1() =>
        EventCatalogue.Read("dispute.recorded.v1", type => JsonSerializer.Deserialize(File.ReadAllText(FixturePath("dispute.recorded.v1.json")), type, Stored))
            .Should().BeOfType<DisputeRecorded>().Subject;

    private static readonly PledgeFunding Pledge = new()
    {
        CommitmentId = new("funding:legacy-disputed"),
        Recipient = ReferenceTimeline2024.BorderSecurityCommand,
        Amount = Money.FromMillions(75),
        Basis = FundingBasis.UpTo,
        Period = FundingPeriod.NotStated("not stated"),
        Purpose = "Covert cameras and monitoring technology",
        AnnouncedBy = "Home Secretary",
        ValidOn = new LocalDate(2024, 9, 17),
        Provenance = Provenance.Of(Sources2024.NewFundingForTech),
    };

    [Fact]
    public void AV1DisputeReadsAsADisputeAboutItsOneSubject()
    {
        var recorded = ReadV1();

        recorded.SubjectIds.Should().Equal("funding:legacy-disputed");
        recorded.DisputeId.Should().Be("dispute:legacy-origin");
        recorded.Sides.Select(s => s.Says).Should().Equal("new investment (new money)", "redirected from the Illegal Migration Act 2023 budget");
        recorded.ValidOn.Should().Be(new LocalDate(2024, 9, 17));
        recorded.Should().Be(new DisputeRecordedV1(recorded.DisputeId, "funding:legacy-disputed", recorded.Fact, recorded.Sides, recorded.ValidOn, recorded.Provenance).Forward());
    }

    [Fact]
    public void TodaysDisputesAreWrittenUnderTheV2NameAndTheV1NameStaysReadable()
    {
        EventCatalogue.NameOf(typeof(DisputeRecorded)).Should().Be("dispute.recorded.v2");
        EventCatalogue.TryStoredTypeOf("dispute.recorded.v1", out var v1).Should().BeTrue();
        v1.Should().Be<DisputeRecordedV1>();
        JsonSerializer.Serialize(new DisputeRecorded("dispute:x", ["funding:a", "recruitment:b"], "fact", [], new LocalDate(2024, 1, 1), Provenance.Of(Sources2024.CheckedFacts)), Stored)
            .Should().Contain("\"SubjectIds\":[\"funding:a\",\"recruitment:b\"]").And.NotContain("\"SubjectId\":");
    }

    [Fact]
    public async Task AV1DisputeIsAnsweredByTheInMemoryStoreAboutItsSubject()
    {
        var known = Instant.FromUtc(2024, 11, 6, 12, 0);
        var pledged = BorderSecurityDecider.Decide([], Pledge).Single();
        var store = InMemoryBorderSecurityStore.Over(
        [
            new RecordedEvent(1, "funding:legacy-disputed", 1, known, pledged),
            new RecordedEvent(2, "dispute:legacy-origin", 1, known, ReadV1()),
        ]);
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));

        (await store.DisputesAboutAsync(new StreamId("funding:legacy-disputed"), endOf2024)).Should().ContainSingle()
            .Which.SubjectIds.Should().Equal("funding:legacy-disputed");
        (await store.FundingAsync(endOf2024)).OpenDisputes.Select(d => d.DisputeId).Should().Equal("dispute:legacy-origin");
        var change = (await store.ChangesAboutAsync(new StreamId("funding:legacy-disputed"), new ChangesQuery(known - Duration.FromHours(1), known))).Changes
            .Should().ContainSingle(c => c.Kind == ChangeKind.DisputeOpened).Subject;
        change.Subject.Value.Should().Be("funding:legacy-disputed");
        change.EventName.Should().Be("dispute.recorded.v2", "the event is read in today's shape");
    }

    [Fact]
    public async Task ATimelineFileOfFormat4ReadsItsDisputeForwardKeyedAsFormat4KeyedItAndImportsOnce()
    {
        var steps = TimelineFile.Read(File.ReadAllBytes(FixturePath("timeline-format-4-dispute.json")));

        var dispute = steps.Single().Request.Should().BeOfType<RecordDispute>().Subject;
        dispute.SubjectIds.Select(s => s.Value).Should().Equal("funding:legacy-disputed");
        var today = dispute with { };
        IdempotencyKeys.For(dispute).Should().Be(IdempotencyKeys.For(today), "a dispute about one subject is keyed as format 4 wrote it, read or written today");
        IdempotencyKeys.For(today with { SubjectIds = [new("funding:legacy-disputed"), new("recruitment:other")] }).Should().NotBe(IdempotencyKeys.For(today));

        var store = new InMemoryBorderSecurityStore(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
        await store.ImportAsync([new TimelineStep(Instant.FromUtc(2024, 9, 17, 12, 0), Pledge)]);
        (await store.ImportAsync(steps)).EventsStored.Should().Be(1);
        (await store.ImportAsync(steps)).Should().Be(new ImportResult(0, 1), "the same file imported again stores nothing");
        (await store.ImportAsync([new TimelineStep(steps[0].KnownFrom, today)])).EventsStored.Should().Be(0, "today's request about the one subject is the same step");
        (await store.ReadAllAsync()).Select(e => e.Data).OfType<DisputeRecorded>().Single().SubjectIds.Should().Equal("funding:legacy-disputed");
    }

    [Fact]
    public void EachFormatReadsOnlyItsOwnShapeNamingTheField()
    {
        var format4 = File.ReadAllText(FixturePath("timeline-format-4-dispute.json"));
        var asFormat5 = () => TimelineFile.Read(Encoding.UTF8.GetBytes(format4.Replace("border-security-timeline/4", "border-security-timeline/5", StringComparison.Ordinal)));
        asFormat5.Should().Throw<TimelineFileException>().Which.Message.Should().Contain("subjectId");

        var written = TimelineFile.Write(TimelineFile.Read(Encoding.UTF8.GetBytes(format4)));
        written.Should().Contain(TimelineFile.Format).And.Contain("\"subjectIds\": [");
        var asFormat4 = () => TimelineFile.Read(Encoding.UTF8.GetBytes(written.Replace(TimelineFile.Format, "border-security-timeline/4", StringComparison.Ordinal)));
        asFormat4.Should().Throw<TimelineFileException>().Which.Message.Should().Contain("subjectIds");
    }
}
