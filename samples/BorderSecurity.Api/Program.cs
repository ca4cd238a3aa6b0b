using BorderSecurity.Api.Endpoints;
using System.Text.Json;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    foreach (var converter in TimelineFile.JsonOptions.Converters)
    {
        o.SerializerOptions.Converters.Add(converter);
    }

    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
});
builder.Services.AddSingleton<IClock>(SystemClock.Instance);

// One line picks the store; the endpoints only know IBorderSecurityStore.
if (builder.Configuration.GetConnectionString("Marten") is { Length: > 0 } connectionString)
{
    builder.Services.AddBorderSecurity().UseMarten(connectionString);
}
else
{
    builder.Services.AddBorderSecurity();
}

var app = builder.Build();
app.UseExceptionHandler();

// Record an announcement: POST /requests/PledgeFunding with the request's fields (docs/timeline-format.md) as the body.
app.MapPost("/requests/{name}", async Task<IResult> (string name, HttpRequest http, IBorderSecurityStore store, [FromQuery] long? expectedVersion, CancellationToken ct) =>
{
    if (!RequestCatalogue.TryGetType(name, out var type))
    {
        return Problem(StatusCodes.Status404NotFound, "Unknown request", $"'{name}' is not a request; known: {string.Join(", ", RequestCatalogue.Names)}.", "name");
    }

    IBorderSecurityRequest request;
    try
    {
        request = (IBorderSecurityRequest?)await JsonSerializer.DeserializeAsync(http.Body, type, TimelineFile.JsonOptions, ct)
                  ?? throw new JsonException("The body must be a JSON object.");
    }
    catch (JsonException e)
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid request body", e.Message, e.Path ?? "body");
    }
    catch (ArgumentException e)
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid request body", e.Message, e.ParamName ?? "body");
    }

    try
    {
        var result = await store.SubmitAsync(request, expectedVersion, cancellationToken: ct);
        return TypedResults.Created($"/streams/{request.StreamId}", result.Events.Select(e => new
        {
            e.Sequence, e.StreamId, e.Version, recordedAt = InstantPattern.ExtendedIso.Format(e.RecordedAt),
            knownFrom = InstantPattern.ExtendedIso.Format(e.KnownFrom), e.EventName,
        }));
    }
    catch (StreamConcurrencyException e)
    {
        return Problem(StatusCodes.Status409Conflict, "Concurrency conflict", e.Message, "expectedVersion");
    }
    catch (DomainRuleViolationException e)
    {
        return Problem(StatusCodes.Status422UnprocessableEntity, $"{e.Aggregate} rule {e.Rule} broken", e.Detail, e.Rule);
    }
    catch (ArgumentException e)
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid request", e.Message, e.ParamName ?? "body");
    }
});

app.MapGet("/funding", (string? asOf, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(asOf, knownAt, recordedBy, q => store.FundingAsync(q, ct)));
app.MapGet("/recruitment", (string? asOf, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(asOf, knownAt, recordedBy, q => store.RecruitmentAsync(q, ct)));
app.MapGet("/legislation", (string? asOf, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(asOf, knownAt, recordedBy, q => store.LegislationAsync(q, ct)));
app.MapGet("/timeline", (string? asOf, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(asOf, knownAt, recordedBy, q => store.TimelineAsync(q, ct)));
app.MapGet("/commands/{id}", (string id, string? asOf, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(asOf, knownAt, recordedBy, async q => await store.CommandAsync(id, q, ct) is { } overview
        ? overview
        : throw new NotFoundException($"Command '{id}' was not established as of {q.AsOf:yyyy-MM-dd}.")));
app.MapGet("/series/funding", (string? recipient, string? knownAt, string? recordedBy, IBorderSecurityStore store, CancellationToken ct) =>
    Query(LocalDate.MaxIsoValue.ToString("yyyy-MM-dd", null), knownAt, recordedBy, q => store.FundingSeriesAsync(recipient, q.KnownAt, q.RecordedBy, ct)));

app.MapFinancialYearEndpoints();

app.Run();

static async Task<IResult> Query<T>(string? asOf, string? knownAt, string? recordedBy, Func<AsOfQuery, Task<T>> answer)
{
    if (asOf is null)
    {
        return Problem(StatusCodes.Status400BadRequest, "Missing asOf", "asOf (YYYY-MM-DD) is required.", "asOf");
    }

    var date = LocalDatePattern.Iso.Parse(asOf);
    if (!date.Success)
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid asOf", $"'{asOf}' is not a date in the form YYYY-MM-DD.", "asOf");
    }

    if (!TryParseInstant(knownAt, out var known))
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid knownAt", $"'{knownAt}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.", "knownAt");
    }

    if (!TryParseInstant(recordedBy, out var recorded))
    {
        return Problem(StatusCodes.Status400BadRequest, "Invalid recordedBy", $"'{recordedBy}' is not an ISO-8601 UTC instant such as 2024-11-05T09:00:00Z.", "recordedBy");
    }

    try
    {
        return TypedResults.Ok(await answer(new AsOfQuery(date.Value, known, recorded)));
    }
    catch (NotFoundException e)
    {
        return Problem(StatusCodes.Status404NotFound, "Not found", e.Message, "id");
    }
}

static bool TryParseInstant(string? text, out Instant? instant)
{
    instant = null;
    if (text is null)
    {
        return true;
    }

    var parsed = InstantPattern.ExtendedIso.Parse(text);
    instant = parsed.Success ? parsed.Value : null;
    return parsed.Success;
}

static ProblemHttpResult Problem(int status, string title, string detail, string field) =>
    TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });

/// <summary>The API's entry point, visible to the HTTP tests.</summary>
public partial class Program;

internal sealed class NotFoundException(string message) : Exception(message);

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
