using BorderSecurity.Domain.Storage;
using System.Text.Json;
using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// Legislation and command events stored by the previous version (an introduction without a session, stages with
/// <c>OtherHouse</c>, commencement as one text, powers without provisions) keep reading: checked-in v1 JSON is written into <c>mt_events</c> under the v1 wire
/// names, as that version wrote it, then fetched, asked and rebuilt.
/// </summary>
public class MartenParliamentLegacyTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    private const string BillId = "legislation:marten-v1-bill";
    private const string CommandId = "command:marten-v1";

    [Fact]
    public async Task V1LegislationAndPowersEventsInMtEventsAreFetchedAskedAndRebuiltInTheirCurrentShape()
    {
        var cited = Provenance.Of(new SourceReference("v1.txt", "A source of the v1 events"));
        IBorderSecurityRequest[] requests =
        [
            new IntroduceBill
            {
                LegislationId = new(BillId),
                Title = "Version One Bill",
                House = ParliamentHouse.Commons,
                ValidOn = new LocalDate(2023, 1, 10),
                Provenance = cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = new(BillId),
                House = ParliamentHouse.Commons,
                Stage = BillStage.SecondReading,
                ValidOn = new LocalDate(2023, 2, 1),
                Provenance = cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = new(BillId),
                House = ParliamentHouse.Commons,
                Stage = BillStage.CommitteeStage,
                ValidOn = new LocalDate(2023, 3, 1),
                Provenance = cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = new(BillId),
                House = ParliamentHouse.Commons,
                Stage = BillStage.ReportStage,
                ValidOn = new LocalDate(2023, 4, 1),
                Provenance = cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = new(BillId),
                House = ParliamentHouse.Commons,
                Stage = BillStage.ThirdReading,
                ValidOn = new LocalDate(2023, 4, 2),
                Provenance = cited,
            },
            new CompleteParliamentaryStage
            {
                LegislationId = new(BillId),
                House = ParliamentHouse.Lords,
                Stage = BillStage.StagesNotStated,
                ValidOn = new LocalDate(2023, 6, 1),
                Provenance = cited,
            },
            new GrantRoyalAssent
            {
                LegislationId = new(BillId),
                ActTitle = "Version One Act 2023",
                ValidOn = new LocalDate(2023, 6, 10),
                Provenance = cited,
            },
            new CommenceLegislation
            {
                LegislationId = new(BillId),
                Provisions = ["placeholder"],
                ValidOn = new LocalDate(2023, 8, 1),
                Provenance = cited,
            },
            new EstablishCommand
            {
                CommandId = new(CommandId),
                Name = new("Version One Command"),
                ParentDepartment = new("Home Office"),
                ValidOn = new LocalDate(2023, 8, 1),
                Provenance = cited,
            },
            new ConferCommandPowers
            {
                CommandId = new(CommandId),
                LegislationId = new(BillId),
                Provisions = [],
                Powers = "placeholder",
                ValidOn = new LocalDate(2023, 8, 2),
                Provenance = cited,
            },
        ];
        foreach (var request in requests)
        {
            await factory.Model.SubmitAsync(request);
        }

        // Turn the rows into what the previous version stored: the v1 wire name and the v1 JSON, row for row.
        using var legacy = JsonDocument.Parse(LegacyJson("parliament-v1-events.json"));
        await using (var connection = await factory.Model.OpenConnectionAsync())
        {
            var replaced = new HashSet<long>();
            foreach (var row in legacy.RootElement.EnumerateArray())
            {
                var v1 = row.GetProperty("type").GetString()!;
                await using var find = new Npgsql.NpgsqlCommand(
                    $"select seq_id from {factory.Schema}.mt_events where type = @type and not (seq_id = any(@done)) order by seq_id limit 1", connection);
                find.Parameters.AddWithValue("type", v1.Replace(".v1", ".v2", StringComparison.Ordinal));
                find.Parameters.AddWithValue("done", replaced.ToArray());
                var seq = (long)(await find.ExecuteScalarAsync())!;
                replaced.Add(seq);
                await using var update = new Npgsql.NpgsqlCommand(
                    $"update {factory.Schema}.mt_events set type = @type, data = @data::jsonb where seq_id = @seq", connection);
                update.Parameters.AddWithValue("type", v1);
                update.Parameters.AddWithValue("data", row.GetProperty("data").GetRawText());
                update.Parameters.AddWithValue("seq", seq);
                (await update.ExecuteNonQueryAsync()).Should().Be(1);
            }

            replaced.Should().HaveCount(8);
        }

        // Fetched through Marten's upcasters: the current shapes, stating what the v1 events stated.
        var stream = await factory.Model.ReadStreamAsync(new StreamId(BillId));
        stream.Select(e => e.Data).OfType<ParliamentaryStageCompleted>().Select(e => (e.House, e.Stage)).Should().Equal(
            (ParliamentHouse.Commons, BillStage.SecondReading), (ParliamentHouse.Commons, BillStage.CommitteeStage),
            (ParliamentHouse.Commons, BillStage.ReportStage), (ParliamentHouse.Commons, BillStage.ThirdReading),
            (ParliamentHouse.Lords, BillStage.StagesNotStated));
        stream.Select(e => e.Data).OfType<LegislationCommenced>().Single().Provisions.Should().Equal("sections 1 to 5");
        stream.Select(e => e.Data).OfType<BillIntroduced>().Single().Should().Match<BillIntroduced>(e => e.Session == null && e.House == "House of Commons");
        var powers = (await factory.Model.ReadStreamAsync(new StreamId(CommandId))).Select(e => e.Data).OfType<CommandPowersConferred>().Single();
        powers.Provisions.Should().BeEmpty();
        powers.Powers.Should().Be("Powers stated by a v1 event");

        // Rebuilt from the log and asked: the same answers as the in-memory projection over the same events.
        await factory.Model.RebuildProjectionsAsync();
        var memory = InMemoryBorderSecurityStore.Over(await factory.Model.ReadAllAsync());
        foreach (var day in new[] { new LocalDate(2023, 4, 2), new LocalDate(2023, 6, 5), new LocalDate(2023, 8, 2) })
        {
            var query = new AsOfQuery(day);
            (await factory.Model.LegislationOfAsync(new LegislationId(BillId), query)).Should().BeEquivalentTo((await memory.LegislationOfAsync(new LegislationId(BillId), query)),
                o => o.WithStrictOrdering().ComparingRecordsByMembers());
            (await factory.Model.CommandAsync(new CommandId(CommandId), query)).Should().BeEquivalentTo((await memory.CommandAsync(new CommandId(CommandId), query)),
                o => o.WithStrictOrdering().ComparingRecordsByMembers());
        }

        // A v1 introduction named no session: the bill's time before Royal Assent is listed under "session not stated".
        var sessions = await BillsBySession.OfAsync(factory.Model, new AsOfQuery(new LocalDate(2023, 8, 2)));
        sessions.SessionNotStated.Should().ContainSingle(b => b.LegislationId == BillId)
            .Which.Should().Match<SessionBill>(b => b.Outcome == SessionOutcome.RoyalAssent && b.From == new LocalDate(2023, 1, 10) && b.On == new LocalDate(2023, 6, 10));

        var bill = await factory.Model.LegislationOfAsync(new LegislationId(BillId), new AsOfQuery(new LocalDate(2023, 6, 5)));
        bill!.Legislation.Position!.Name.Should().Be("Passed (stages not stated) (House of Lords)");
        (await factory.Model.ProvisionsInForceAsync(new LegislationId(BillId), new AsOfQuery(new LocalDate(2023, 8, 1))))!.InForce
            .Select(p => p.Provision).Should().Equal("sections 1 to 5");
        (await factory.Model.CommandAsync(new CommandId(CommandId), new AsOfQuery(new LocalDate(2023, 8, 2))))!.Command.Powers[BillId].Detail
            .Should().Be("Powers stated by a v1 event");
    }

    private static byte[] LegacyJson(string name)
    {
        using var stream = typeof(MartenParliamentLegacyTests).Assembly.GetManifestResourceStream($"MartenLegacy.{name}")
            ?? throw new InvalidOperationException($"Legacy/{name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
