using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// A database written before idempotency keys carried their request's fingerprint: <c>bsd_idempotency</c> without the
/// <c>fingerprint</c> column. Applying the schema adds the column and keeps every row; a key in such a row still
/// answers a repeat of its own request (and then gets its fingerprint), and refuses a different request instead of
/// taking it for a repeat.
/// </summary>
public class MartenIdempotencyLegacyTests
{
    private static readonly Provenance Cited = Provenance.Of(Sources2024.NewFundingForTech);

    [Fact]
    public async Task KeysFromBeforeFingerprintsAnswerRepeatsOfTheirRequestAndRefuseAnyOther()
    {
        await using var own = await MartenKnownFromTests.OwnSchema.CreateAsync();
        var pledge = new PledgeFunding
        {
            CommitmentId = new("funding:legacy-key"),
            Recipient = new("Border Security Command"),
            Amount = Money.FromMillions(4),
            Basis = FundingBasis.Firm,
            OriginName = "Old budget",
            Period = new FundingPeriod("not stated"),
            Purpose = "Boats",
            AnnouncedBy = "Home Secretary",
            ValidOn = new LocalDate(2024, 10, 1),
            Provenance = Cited,
        };
        var reannounce = new ReannounceFunding
        {
            CommitmentId = new("funding:legacy-key"),
            AnnouncedBy = "Prime Minister",
            ValidOn = new LocalDate(2024, 10, 5),
            Provenance = Cited,
        };
        var pledged = await own.Model.SubmitAsync(pledge, idempotencyKey: "legacy-pledge");
        var reannounced = await own.Model.SubmitAsync(reannounce, idempotencyKey: "legacy-reannounce");
        var steps = ReferenceTimeline2024.Steps.Take(6).ToList();
        await own.Model.ImportAsync(steps);
        var rows = await own.ScalarAsync<long>($"select count(*) from {own.Schema}.bsd_idempotency");

        // What the previous version left: the table without the column.
        await own.ScalarAsync<int>($"alter table {own.Schema}.bsd_idempotency drop column fingerprint; select 1");
        using var upgraded = MartenStoreFactory.Create(own.Schema);
        await upgraded.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        (await upgraded.Storage.Database.CreateMigrationAsync()).Difference.Should().Be(Weasel.Core.SchemaPatchDifference.None);
        (await own.ScalarAsync<long>($"select count(*) from {own.Schema}.bsd_idempotency where fingerprint is null")).Should().Be(rows);
        var model = new MartenBorderSecurityStore(upgraded);
        var log = await model.ReadAllAsync();

        // A different request under an old key: refused, nothing stored, whichever stream it is for.
        var otherStream = () => model.SubmitAsync(pledge with { CommitmentId = new("funding:legacy-other") }, idempotencyKey: "legacy-pledge");
        (await otherStream.Should().ThrowAsync<IdempotencyKeyConflictException>()).Which.Key.Should().Be("legacy-pledge");
        var sameStream = () => model.SubmitAsync(reannounce with { AnnouncedBy = "Chancellor" }, idempotencyKey: "legacy-reannounce");
        (await sameStream.Should().ThrowAsync<IdempotencyKeyConflictException>()).Which.Key.Should().Be("legacy-reannounce");
        var otherType = () => model.SubmitAsync(new AllocateFunding
        {
            CommitmentId = new("funding:legacy-key"),
            Capability = "Radar",
            Amount = Money.FromMillions(1),
            ValidOn = new LocalDate(2024, 10, 6),
            Provenance = Cited,
        },
            idempotencyKey: "legacy-reannounce");
        await otherType.Should().ThrowAsync<IdempotencyKeyConflictException>();
        (await model.ReadAllAsync()).Should().HaveCount(log.Count);

        // The same requests under their old keys: repeats, with the first events; an import of the same steps stores nothing.
        var again = await model.SubmitAsync(reannounce, idempotencyKey: "legacy-reannounce");
        again.AlreadyRecorded.Should().BeTrue();
        again.Events.Select(e => (e.Sequence, e.Version)).Should().Equal(reannounced.Events.Select(e => (e.Sequence, e.Version)));
        (await model.SubmitAsync(pledge, idempotencyKey: "legacy-pledge")).Events.Select(e => e.Sequence).Should().Equal(pledged.Events.Select(e => e.Sequence));
        (await model.ImportAsync(steps)).Should().Be(new ImportResult(0, steps.Count));
        (await model.ReadAllAsync()).Should().HaveCount(log.Count);

        // Shown to be the same request, each old row now carries its fingerprint; a conflict is still a conflict.
        (await own.ScalarAsync<long>($"select count(*) from {own.Schema}.bsd_idempotency where fingerprint is null")).Should().Be(0);
        await otherStream.Should().ThrowAsync<IdempotencyKeyConflictException>();
        (await model.ReadAllAsync()).Should().HaveCount(log.Count);
    }
}
