using BorderSecurity.Domain.Changes;
using BorderSecurity.Domain.Disputes;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;
using static BorderSecurity.Domain.Marten.Tests.MartenKnownFromTests;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// A dispute stored by the previous version (<c>dispute.recorded.v1</c>, one <c>SubjectId</c>) keeps reading now that a
/// dispute may concern several subjects: the checked-in v1 JSON (Fixtures/dispute.recorded.v1.json) is written into
/// <c>mt_events</c> and <c>bsd_events</c> under the v1 wire name, as that version wrote them, then fetched, asked (the
/// change questions' SQL matches the v1 row's <c>SubjectId</c>) and rebuilt; a v2 dispute about two subjects beside it is
/// found by its <c>SubjectIds</c>.
/// </summary>
public class MartenDisputeLegacyTests
{
    private static readonly Provenance Cited = Provenance.Of(Sources2024.NewFundingForTech);
    private static readonly Instant Known = Instant.FromUtc(2024, 11, 6, 12, 0);

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static PledgeFunding Pledge(string id) => new()
    {
        CommitmentId = new(id),
        Recipient = ReferenceTimeline2024.BorderSecurityCommand,
        Amount = Money.FromMillions(75),
        Basis = FundingBasis.UpTo,
        Period = FundingPeriod.NotStated("not stated"),
        Purpose = "Covert cameras and monitoring technology",
        AnnouncedBy = "Home Secretary",
        ValidOn = new LocalDate(2024, 9, 17),
        Provenance = Cited,
    };

    private static RecordDispute Dispute(string id, params StreamId[] subjects) => new()
    {
        DisputeId = new(id),
        SubjectIds = subjects,
        Fact = "origin of the money",
        Sides = [new DisputeSide("one", Cited), new DisputeSide("two", Provenance.Of(Sources2024.AggregatorNew75m))],
        ValidOn = new LocalDate(2024, 9, 17),
        Provenance = Cited,
    };

    [Fact]
    public async Task AV1DisputeInMtEventsIsFetchedAskedAboutItsSubjectAndRebuiltBesideAV2DisputeAboutTwoSubjects()
    {
        await using var own = await OwnSchema.CreateAsync();
        var model = own.Model;
        await model.ImportAsync(
        [
            new(Known, Pledge("funding:legacy-disputed")),
            new(Known, Pledge("funding:other")),
            new(Known, Dispute("dispute:legacy-origin", new StreamId("funding:legacy-disputed"))),
            new(Known, Dispute("dispute:two-subjects", new StreamId("funding:other"), new StreamId("funding:legacy-disputed"))),
        ]);

        // Turn the first dispute's rows into what the previous version stored: the v1 wire name and the v1 JSON.
        await using (var connection = await model.OpenConnectionAsync())
        {
            await using var update = new Npgsql.NpgsqlCommand(
                $"update {own.Schema}.mt_events set type = 'dispute.recorded.v1', data = @data::jsonb where stream_id = 'dispute:legacy-origin' and version = 1", connection);
            update.Parameters.AddWithValue("data", Fixture("dispute.recorded.v1.json"));
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
            await using var row = new Npgsql.NpgsqlCommand(
                $"update {own.Schema}.bsd_events set event_type = 'dispute.recorded.v1' where stream_id = 'dispute:legacy-origin'", connection);
            (await row.ExecuteNonQueryAsync()).Should().Be(1);
        }

        using var reopened = MartenStoreFactory.Create(own.Schema);
        var store = new MartenBorderSecurityStore(reopened);
        var legacy = (await store.ReadStreamAsync(new StreamId("dispute:legacy-origin"))).Single();
        legacy.Data.Should().BeOfType<DisputeRecorded>().Which.SubjectIds.Should().Equal("funding:legacy-disputed");
        legacy.EventName.Should().Be("dispute.recorded.v2", "it is read in today's shape");

        await AnswersAsync(store, "as the previous version projected it");
        (await store.RebuildProjectionsAsync()).EventsRead.Should().Be(4);
        await AnswersAsync(store, "rebuilt");

        // The same answers as the in-memory store given the same (upcast) events.
        var memory = InMemoryBorderSecurityStore.Over(await store.ReadAllAsync());
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));
        foreach (var subject in new[] { "funding:legacy-disputed", "funding:other" })
        {
            (await store.DisputesAboutAsync(new StreamId(subject), endOf2024)).Should().BeEquivalentTo(
                await memory.DisputesAboutAsync(new StreamId(subject), endOf2024), o => o.WithStrictOrdering());
            (await store.ChangesAboutAsync(new StreamId(subject), Window)).Should().BeEquivalentTo(
                await memory.ChangesAboutAsync(new StreamId(subject), Window), o => o.WithStrictOrdering());
        }
    }

    private static readonly ChangesQuery Window = new(Known - Duration.FromHours(1), Known);

    private static async Task AnswersAsync(IBorderSecurityStore store, string because)
    {
        var endOf2024 = new AsOfQuery(new LocalDate(2024, 12, 31));
        (await store.DisputesAboutAsync(new StreamId("funding:legacy-disputed"), endOf2024)).Select(d => d.DisputeId)
            .Should().Equal(["dispute:legacy-origin", "dispute:two-subjects"], because);
        (await store.DisputesAboutAsync(new StreamId("funding:other"), endOf2024)).Select(d => d.DisputeId).Should().Equal(["dispute:two-subjects"], because);
        (await store.FundingAsync(endOf2024)).OpenDisputes.Select(d => d.DisputeId).Should().Equal(["dispute:legacy-origin", "dispute:two-subjects"], because);

        var legacyChanges = (await store.ChangesAboutAsync(new StreamId("funding:legacy-disputed"), Window)).Changes
            .Where(c => c.Kind == ChangeKind.DisputeOpened).ToList();
        legacyChanges.Select(c => c.Stream.Value).Should().Equal(["dispute:legacy-origin", "dispute:two-subjects"], $"{because}: the v1 row by its SubjectId, the v2 row by its SubjectIds");
        legacyChanges.Select(c => c.Subject.Value).Should().AllBe("funding:legacy-disputed");
        (await store.ChangesAboutAsync(new StreamId("funding:other"), Window)).Changes.Where(c => c.Kind == ChangeKind.DisputeOpened)
            .Select(c => c.Stream.Value).Should().Equal(["dispute:two-subjects"], because);
        (await store.HappenedAboutAsync(new StreamId("funding:other"), new HappenedQuery(new LocalDate(2024, 9, 1), new LocalDate(2024, 9, 30))))
            .Where(c => c.Kind == ChangeKind.DisputeOpened).Select(c => c.Stream.Value).Should().Equal(["dispute:two-subjects"], because);
    }
}
