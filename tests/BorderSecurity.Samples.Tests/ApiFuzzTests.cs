using System.Net;
using System.Text;
using Bogus;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Serialization;

namespace BorderSecurity.Samples.Tests;

/// <summary>Hostile bodies and query strings against the web service, with an editor token: never a 500, always a problem or a success.</summary>
public class ApiFuzzTests
{
    [Fact]
    public async Task HostileRequestsNeverCauseAServerError()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();
        var faker = new Faker { Random = new Randomizer(5) };
        var valid = ReferenceTimeline2024.Steps.Select(s => (Name: s.Request.GetType().Name,
            Body: System.Text.Json.JsonSerializer.Serialize(s.Request, s.Request.GetType(), TimelineFile.JsonOptions))).ToArray();
        var statuses = new HashSet<HttpStatusCode>();
        for (var i = 0; i < 400; i++)
        {
            var (name, body) = faker.PickRandom(valid);
            var at = faker.Random.Int(0, body.Length - 1);
            body = faker.Random.Int(0, 4) switch
            {
                0 => body[..at],
                1 => body.Insert(at, faker.PickRandom("{", "]", "\"", "-1", "null", "1e999", "\"$type\":1,")),
                2 => body.Replace("75000000", faker.PickRandom("-1", "0", "0.001", "\"x\"")),
                3 => new string('[', faker.Random.Int(1, 3_000)),
                _ => body,
            };
            name = faker.Random.Bool(0.1f) ? faker.PickRandom("DropTables", "../etc/passwd", "%2e%2e", "PledgeFunding%27") : name;
            var response = await client.PostAsync($"/requests/{name}", new StringContent(body, Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
            ((int)response.StatusCode).Should().BeLessThan(500, "POST /requests/{0} with {1} must not fail the server", name, body.Length > 200 ? body[..200] : body);
        }

        foreach (var query in new[] { "asOf=0000-00-00", "asOf=2024-10-01&knownAt=%27;drop", "asOf=" + new string('9', 5_000), "asOf[]=1", "knownAt=2024-11-05T09:00:00Z", "asOf=2024-10-01&asOf=2024-11-05", "asOf=2024-10-01&as_of=2024-11-05" })
        {
            var response = await client.GetAsync($"/funding?{query}");
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        }

        statuses.Should().Contain(HttpStatusCode.BadRequest).And.Contain(HttpStatusCode.Created);
    }
}
