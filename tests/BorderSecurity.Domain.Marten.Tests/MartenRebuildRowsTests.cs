using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

/// <summary>
/// The rebuild writes, row for row and byte for byte, what the inline projection wrote: every column of the four
/// projection tables, including each provenance's hash and JSON (which the rebuild works out once per distinct
/// provenance and reuses for the events that cite it again).
/// </summary>
public class MartenRebuildRowsTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    private static readonly string[] Tables = ["bsd_events", "bsd_statements", "bsd_provenances", "bsd_commitment_recipients"];

    [Fact]
    public async Task ARebuildWritesExactlyTheRowsTheInlineProjectionWrote()
    {
        // Two shapes: six sources cited over and over, and many recipients and sources (most provenances cited a few times).
        var histories = new[]
        {
            HistoryGenerator.Generate(seed: 140, requests: 120),
            HistoryGenerator.Generate(seed: 141, requests: 120, streamsPerAggregate: 4, recipients: 7, sources: 40),
        };
        foreach (var request in histories.SelectMany(h => h.Requests))
        {
            try
            {
                await factory.Model.SubmitAsync(request);
            }
            catch (DomainRuleViolationException)
            {
                // The histories share stream ids; a request that clashes with the other history is rejected as usual.
            }
        }

        var inline = await RowsAsync();
        inline["bsd_events"].Should().HaveCount((await factory.Model.ReadAllAsync()).Count);
        inline["bsd_provenances"].Should().HaveCountGreaterThan(6, "the second history cites many sources")
            .And.HaveCountLessThan(inline["bsd_events"].Count, "most provenances are cited by more than one event");

        await factory.Model.RebuildProjectionsAsync();
        var rebuilt = await RowsAsync();

        foreach (var table in Tables)
        {
            rebuilt[table].Should().Equal(inline[table], $"{table} after a rebuild holds what the inline projection wrote");
        }
    }

    private async Task<Dictionary<string, List<string>>> RowsAsync()
    {
        var rows = new Dictionary<string, List<string>>();
        await using var connection = await factory.Model.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            await using var select = new Npgsql.NpgsqlCommand($"select t::text from {factory.Schema}.{table} t order by 1", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var list = new List<string>();
            while (await reader.ReadAsync())
            {
                list.Add(reader.GetString(0));
            }

            rows[table] = list;
        }

        return rows;
    }
}
