using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BorderSecurity.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace BorderSecurity.Samples.Tests;

/// <summary>Writes need an editor token; reads are anonymous unless Auth:RequireReaderRole; 401 and 403 are problem details.</summary>
public class ApiSecurityTests
{
    private const string Pledge = """
        { "commitmentId": "funding:test-pledge", "recipient": "Border Security Command", "amount": 1000000, "basis": "Firm",
          "originName": "Test budget", "period": { "description": "2024-25" }, "purpose": "Testing", "announcedBy": "Home Secretary",
          "validOn": "2024-10-01", "provenance": [ { "document": "test.txt", "headline": "A test pledge" } ] }
        """;

    private static StringContent Body() => new(Pledge, Encoding.UTF8, "application/json");

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
    }

    private static async Task<decimal> TotalAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/funding?asOf=2024-11-05"));
        return json.RootElement.GetProperty("totals").GetProperty("total").GetDecimal();
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task AWriteWithoutATokenGets401AndStoresNothing(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);

        var response = await host.Anonymous().PostAsync("/requests/PledgeFunding", Body());

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
        (await TotalAsync(host.Anonymous())).Should().Be(0m);
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task AWriteWithAReaderOnlyTokenGets403AndStoresNothing(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);

        var response = await host.As(ApiAuthOptions.ReaderRole).PostAsync("/requests/PledgeFunding", Body());

        await ShouldBeProblemAsync(response, HttpStatusCode.Forbidden);
        (await TotalAsync(host.Anonymous())).Should().Be(0m);
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task AWriteWithAnEditorTokenGets201AndAnonymousReadsSeeIt(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store);

        var response = await host.Editor().PostAsync("/requests/PledgeFunding", Body());

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await TotalAsync(host.Anonymous())).Should().Be(1_000_000m);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyOrExpiredGets401()
    {
        await using var host = await ApiHost.StartAsync();
        var wrongKey = new ApiAuthOptions { Issuer = "border-security-api", Audience = "border-security-api", SigningKey = new string('x', 48) };
        var client = host.Anonymous();
        var options = host.Factory.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<ApiAuthOptions>)) as Microsoft.Extensions.Options.IOptions<ApiAuthOptions>;

        foreach (var token in new[]
                 {
                     DevelopmentTokens.Create(wrongKey, "mallory", [ApiAuthOptions.EditorRole], DateTimeOffset.UtcNow, TimeSpan.FromHours(1)),
                     DevelopmentTokens.Create(options!.Value, "late", [ApiAuthOptions.EditorRole], DateTimeOffset.UtcNow.AddDays(-2), TimeSpan.FromHours(1)),
                     "not-a-jwt",
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/requests/PledgeFunding") { Content = Body() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await ShouldBeProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);
        }

        (await TotalAsync(client)).Should().Be(0m);
    }

    [Theory]
    [InlineData(ApiStore.InMemory)]
    [InlineData(ApiStore.Marten)]
    public async Task WithReaderRoleRequiredReadsNeedAReaderOrEditorToken(ApiStore store)
    {
        await using var host = await ApiHost.StartAsync(store, new Dictionary<string, string?> { ["Auth:RequireReaderRole"] = "true" });

        await ShouldBeProblemAsync(await host.Anonymous().GetAsync("/funding?asOf=2024-11-05"), HttpStatusCode.Unauthorized);
        await ShouldBeProblemAsync(await host.As("auditor").GetAsync("/funding?asOf=2024-11-05"), HttpStatusCode.Forbidden);
        (await host.As(ApiAuthOptions.ReaderRole).GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Editor().GetAsync("/funding?asOf=2024-11-05")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.Anonymous().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheTokenCommandPrintsATokenTheServiceAccepts()
    {
        await using var host = await ApiHost.StartAsync();
        var configuration = (Microsoft.Extensions.Configuration.IConfiguration)host.Factory.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
        var environment = (Microsoft.Extensions.Hosting.IHostEnvironment)host.Factory.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostEnvironment))!;
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = DevelopmentTokenCommand.Run(["token", "--role", "editor", "--name", "alice"], configuration, environment, output, error);

        exit.Should().Be(0, error.ToString());
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        (await client.PostAsync("/requests/PledgeFunding", Body())).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public void TheTokenCommandRefusesOutsideDevelopmentAndWithoutARole()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = "i", ["Auth:Audience"] = "a", ["Auth:SigningKey"] = new string('k', 40),
        }).Build();
        var production = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" };
        var development = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" };
        var error = new StringWriter();

        DevelopmentTokenCommand.Run(["token", "--role", "editor"], configuration, production, TextWriter.Null, error).Should().Be(2);
        error.ToString().Should().Contain("Development");
        DevelopmentTokenCommand.Run(["token"], configuration, development, TextWriter.Null, error).Should().Be(2);
        error.ToString().Should().Contain("--role editor");
    }

    [Fact]
    public async Task OutsideDevelopmentTheServiceRefusesToStartWithoutASigningKey()
    {
        await using var factory = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<BorderSecurity.Api.ApiEntryPoint>()
            .WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var start = () => factory.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*Auth:SigningKey*");
    }
}
