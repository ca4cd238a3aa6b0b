using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The <c>Idempotency-Key</c> header on writes (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a repeat
/// with the same key and body gets the first response and stores nothing; the same key with a different body gets 422
/// naming the key; a blank, too long or malformed key gets 400.
/// </summary>
public class ApiIdempotencyTests
{
    private const string Header = "Idempotency-Key";

    private const string Pledge = """
        { "commitmentId": "funding:idempotent-pledge", "recipient": "Border Security Command", "amount": 2000000, "basis": "Firm",
          "originName": "Test budget", "period": { "description": "2024-25" }, "purpose": "Testing", "announcedBy": "Home Secretary",
          "validOn": "2024-10-01", "provenance": [ { "document": "test.txt", "headline": "A test pledge" } ] }
        """;

    private static HttpRequestMessage Post(string body, params string[] keys) => PostTo("/requests/PledgeFunding", body, keys);

    private static HttpRequestMessage PostTo(string path, string body, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var key in keys)
        {
            request.Headers.TryAddWithoutValidation(Header, key).Should().BeTrue();
        }

        return request;
    }

    private static async Task<int> EventsAsync(HttpClient client)
    {
        using var timeline = JsonDocument.Parse(await client.GetStringAsync("/timeline?asOf=2030-01-01"));
        return timeline.RootElement.GetArrayLength();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task ARepeatWithTheSameKeyAndBodyGetsTheFirstResponseAndStoresNothing(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);
        var client = host.Editor();

        var first = await client.SendAsync(Post(Pledge, "8e03978e-40d5-43e8-bc93-6894a57f9324"));
        var firstBody = await first.Content.ReadAsStringAsync();
        // The same request, written differently (whitespace, field order) and with the key as a structured-field string.
        var reordered = JsonNode.Parse(Pledge)!.AsObject().OrderByDescending(p => p.Key).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        var repeat = await client.SendAsync(Post(JsonSerializer.Serialize(reordered), "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));

        first.StatusCode.Should().Be(HttpStatusCode.Created, firstBody);
        repeat.StatusCode.Should().Be(first.StatusCode);
        repeat.Content.Headers.ContentType!.MediaType.Should().Be(first.Content.Headers.ContentType!.MediaType);
        JsonNode.DeepEquals(JsonNode.Parse(await repeat.Content.ReadAsStringAsync()), JsonNode.Parse(firstBody)).Should().BeTrue("a repeat gets the first response");
        (await EventsAsync(client)).Should().Be(1);

        // Without a key the same request is a new write (here refused by the rule: the commitment exists).
        var unkeyed = await client.SendAsync(Post(Pledge));
        (await ProblemAsync(unkeyed, HttpStatusCode.UnprocessableEntity)).GetProperty("field").GetString().Should().Be("CommitmentAlreadyExists");
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task TheSameKeyWithADifferentBodyGets422NamingTheKeyAndStoresNothing(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);
        var client = host.Editor();
        (await client.SendAsync(Post(Pledge, "order-17"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var otherAmount = await client.SendAsync(Post(Pledge.Replace("2000000", "3000000", StringComparison.Ordinal), "order-17"));
        var otherStream = await client.SendAsync(Post(Pledge.Replace("funding:idempotent-pledge", "funding:other", StringComparison.Ordinal), "order-17"));
        var otherRequest = await client.SendAsync(PostTo("/requests/ReannounceFunding",
            """{ "commitmentId": "funding:idempotent-pledge", "announcedBy": "PM", "validOn": "2024-10-02", "provenance": [ { "document": "t.txt", "headline": "h" } ] }""",
            "order-17"));

        foreach (var response in new[] { otherAmount, otherStream, otherRequest })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            problem.GetProperty("field").GetString().Should().Be(Header);
            problem.GetProperty("detail").GetString().Should().Contain("'order-17'");
        }

        (await EventsAsync(client)).Should().Be(1);
        (await client.SendAsync(Post(Pledge.Replace("funding:idempotent-pledge", "funding:other", StringComparison.Ordinal), "order-18")))
            .StatusCode.Should().Be(HttpStatusCode.Created, "a new key stores the new request");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("\"unterminated")]
    [InlineData("\"bad \\n escape\"")]
    [InlineData("two words")]
    [InlineData("a,b")]
    public async Task ABlankOrMalformedKeyGets400NamingTheHeaderAndStoresNothing(string key)
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();

        var problem = await ProblemAsync(await client.SendAsync(Post(Pledge, key)), HttpStatusCode.BadRequest);

        problem.GetProperty("field").GetString().Should().Be(Header);
        problem.GetProperty("detail").GetString().Should().Contain(Header);
        (await EventsAsync(client)).Should().Be(0);
    }

    [Fact]
    public void AnEmptyHeaderIsABlankKeyNotAMissingOne()
    {
        // HttpClient drops an empty header value, so this is checked on the request as Kestrel hands it over.
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers[Header] = "";

        BorderSecurity.Api.Endpoints.IdempotencyKeyHeader.TryRead(context.Request, out var key, out var problem).Should().BeFalse();

        key.Should().BeNull();
        problem.Should().BeOfType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>().Which.ProblemDetails.Extensions["field"].Should().Be(Header);
        BorderSecurity.Api.Endpoints.IdempotencyKeyHeader.TryRead(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request, out key, out problem).Should().BeTrue();
        (key, problem).Should().Be((null as string, null as Microsoft.AspNetCore.Http.IResult));
    }

    [Fact]
    public async Task AKeyOverTwoHundredCharactersOrGivenTwiceGets400()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Editor();

        var tooLong = await ProblemAsync(await client.SendAsync(Post(Pledge, new string('k', 201))), HttpStatusCode.BadRequest);
        var twice = await ProblemAsync(await client.SendAsync(Post(Pledge, "one", "two")), HttpStatusCode.BadRequest);

        tooLong.GetProperty("detail").GetString().Should().Contain("201").And.Contain("200");
        twice.GetProperty("detail").GetString().Should().Contain("more than once");
        (await EventsAsync(client)).Should().Be(0);
        (await client.SendAsync(Post(Pledge, new string('k', 200)))).StatusCode.Should().Be(HttpStatusCode.Created, "200 characters is a key");
    }

    [Fact]
    public async Task EveryWriteOperationDocumentsTheHeaderAndEveryOperationItsSecurity()
    {
        await using var host = await ApiHost.StartAsync();
        using var document = JsonDocument.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        var writes = operations.Where(o => o.Name.StartsWith("POST", StringComparison.Ordinal)).ToList();

        writes.Should().HaveCountGreaterThan(30);
        foreach (var (name, operation) in writes)
        {
            var header = operation.GetProperty("parameters").EnumerateArray().Should()
                .ContainSingle(p => p.GetProperty("name").GetString() == Header, name).Subject;
            header.GetProperty("in").GetString().Should().Be("header");
            header.GetProperty("schema").GetProperty("maxLength").GetInt32().Should().Be(200);
            operation.GetProperty("responses").GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue(name);
        }

        foreach (var (name, operation) in operations)
        {
            operation.TryGetProperty("security", out var security).Should().BeTrue($"{name} states its security");
            security.GetArrayLength().Should().Be(1, name);
        }
    }
}
