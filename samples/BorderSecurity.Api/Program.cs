using BorderSecurity.Api.Endpoints;
using BorderSecurity.Api.Health;
using BorderSecurity.Api.Hosting;
using BorderSecurity.Api.Security;

var builder = WebApplication.CreateBuilder(args);

// `dotnet run --project samples/BorderSecurity.Api -- token --role editor` prints a development token and exits.
if (DevelopmentTokenCommand.IsRequested(args))
{
    return DevelopmentTokenCommand.Run(args, builder.Configuration, builder.Environment, Console.Out, Console.Error);
}

builder.AddBorderSecurityApi();
builder.Services.AddRazorPages(); // the pages people read (Pages/): the same store, server-rendered, no script needed

var app = builder.Build();

// Settings checked before anything starts (a missing Auth__SigningKey outside Development, say) end the process
// with one line naming the setting, rather than a stack trace. Only when this program is the process: hosted by a
// test's WebApplicationFactory, the host's own start-up validation throws as usual.
if (StartupSettings.IsTheProcess && StartupSettings.Problem(app.Services) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

app.UseStaticFiles(); // wwwroot: the pages' stylesheet and icon, public (no catch-all route, so unknown API routes stay 404)
app.UseBorderSecurityApi();
app.MapRazorPages().ExcludeFromDescription(); // pages for people, not part of the API's OpenAPI document

// Where people read it: the pages' address, once the service listens (with --launch-profile, or ASPNETCORE_URLS).
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var address in app.Urls)
    {
        Console.WriteLine($"Pages: {address}/");
    }
});

// One line per endpoint file (Endpoints/README.md): each maps its routes with their OpenAPI metadata and policies.
app.MapRequests();
app.MapFunding();
app.MapRecruitment();
app.MapLegislation();
app.MapTimeline();
app.MapCommands();
app.MapHealth();
app.MapParliamentEndpoints();
app.MapFinancialYearEndpoints();
app.MapDisputes();
app.MapChanges();
app.MapHappened();
app.MapTargetProgress();
app.MapOutcomes();
app.MapPledges();

app.Run();
return 0;

/// <summary>The API's entry point, visible to the HTTP tests.</summary>
public partial class Program;

namespace BorderSecurity.Api
{
    /// <summary>A public type of the API's assembly, for <c>WebApplicationFactory</c> in tests (the console sample has a <c>Program</c> too).</summary>
    public sealed class ApiEntryPoint
    {
        private ApiEntryPoint()
        {
        }
    }
}
