using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Testing;

namespace BorderSecurity.Domain.Marten.Tests;

public class MartenRebuildTests(MartenStoreFactory factory) : IClassFixture<MartenStoreFactory>
{
    [Fact]
    public async Task ARebuildFromTheLogRestoresTheTablesAndIsSafeToRunTwice()
    {
        for (var seed = 100; seed < 104; seed++)
        {
            foreach (var request in HistoryGenerator.Generate(seed, requests: 40).Requests)
            {
                try
                {
                    await factory.Model.SubmitAsync(request);
                }
                catch (DomainRuleViolationException)
                {
                    // Histories share stream ids here; a request that clashes with an earlier history is rejected as usual.
                }
            }
        }

        var events = await factory.Model.ReadAllAsync();
        var memory = BorderSecurityProjection.Of(events);
        await using (var connection = factory.Model.OpenConnection())
        {
            await connection.OpenAsync();
            await using var damage = new Npgsql.NpgsqlCommand(
                $"delete from {factory.Schema}.bsd_statements where seq % 3 = 0; update {factory.Schema}.bsd_events set valid_on = valid_on + 1000; delete from {factory.Schema}.bsd_commitment_recipients where stream_id like '%1%'", connection);
            await damage.ExecuteNonQueryAsync();
        }

        var reports = new List<RebuildProgress>();
        var first = await factory.Model.RebuildProjectionsAsync(new SynchronousProgress(reports));
        var second = await factory.Model.RebuildProjectionsAsync();

        first.EventsRead.Should().Be(events.Count);
        second.Should().BeEquivalentTo(first, o => o.Excluding(p => p.Elapsed));
        reports.Should().NotBeEmpty().And.BeInAscendingOrder(p => p.EventsRead);
        foreach (var query in MartenEquivalenceTests.Questions(events, 7))
        {
            await MartenEquivalenceTests.AssertSameAnswersAsync(factory.Model, memory, query, query.ToString());
        }
    }

    private sealed class SynchronousProgress(List<RebuildProgress> reports) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => reports.Add(value);
    }
}
