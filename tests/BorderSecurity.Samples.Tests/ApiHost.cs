using System.Net.Http.Headers;
using BorderSecurity.Api;
using BorderSecurity.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BorderSecurity.Samples.Tests;

/// <summary>Where an API test's service keeps the model.</summary>
public enum ApiStore
{
    /// <summary>The in-memory store.</summary>
    InMemory,

    /// <summary>Marten, on a database of the test's own.</summary>
    Marten,
}

/// <summary>
/// The web service in a test host (Development environment, so the development signing key of
/// appsettings.Development.json is in force), with clients that carry tokens minted for the roles a test names.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private ApiHost(WebApplicationFactory<ApiEntryPoint> factory) => Factory = factory;

    public WebApplicationFactory<ApiEntryPoint> Factory { get; }

    public static async Task<ApiHost> StartAsync(ApiStore store = ApiStore.InMemory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        // The tests' anonymous requests all come from one (unknown) address: limiting is off unless a test turns it on.
        all.TryAdd("RateLimits:Enabled", "false");
        if (store == ApiStore.Marten && !all.ContainsKey("ConnectionStrings:Marten"))
        {
            all["ConnectionStrings:Marten"] = await TestDatabases.CreateAsync("api");
        }

        var factory = new WebApplicationFactory<ApiEntryPoint>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in all)
            {
                b.UseSetting(key, value);
            }
        });
        return new ApiHost(factory);
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client whose requests carry a development token with these roles (none: a token with no role).</summary>
    public HttpClient As(params string[] roles)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(roles));
        return client;
    }

    public HttpClient Editor() => As(ApiAuthOptions.EditorRole);

    public string Token(params string[] roles)
    {
        var options = Factory.Services.GetRequiredService<IOptions<ApiAuthOptions>>().Value;
        return DevelopmentTokens.Create(options, "test", roles, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
