using System.Text.Json;
using BorderSecurity.Domain.Serialization;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Api.Endpoints;

/// <summary>
/// POST /requests/{RequestType}: one route per request type of <see cref="RequestCatalogue"/> (for example
/// <c>POST /requests/PledgeFunding</c>), each documented with its own body schema, so a generated client has one
/// method per request (<c>PledgeFundingAsync</c>, ...). Bodies are the request's fields as in docs/timeline-format.md.
/// A write may carry an <c>Idempotency-Key</c> header (<see cref="IdempotencyKeyHeader"/>): the store keeps the key with
/// the request's fingerprint, so a repeat with the same body gets the first response (201 with the first events) and
/// stores nothing, and the same key with a different body gets 422 naming the key.
/// </summary>
public static class RequestEndpoints
{
    /// <summary>Maps one write per request type.</summary>
    /// <param name="routes">The application.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder routes)
    {
        foreach (var name in RequestCatalogue.Names)
        {
            RequestCatalogue.TryGetType(name, out var type);
            routes.MapPost($"/requests/{name}", ([ExpectedVersion] string? expectedVersion, HttpRequest http, IBorderSecurityStore store, CancellationToken ct) =>
                    SubmitAsync(type!, expectedVersion, http, store, ct))
                .Accepts(type!, isOptional: false, "application/json")
                .AsWrite<IReadOnlyList<RecordedEventResponse>>(name, $"Records a {name} request; the events it stored come back.", "Requests");
        }

        return routes;
    }

    private static async Task<IResult> SubmitAsync(Type type, string? expectedVersionText, HttpRequest http, IBorderSecurityStore store, CancellationToken ct)
    {
        if (!IdempotencyKeyHeader.TryRead(http, out var idempotencyKey, out var invalidKey))
        {
            return invalidKey!;
        }

        long? expectedVersion = null;
        if (expectedVersionText is not null)
        {
            if (!long.TryParse(expectedVersionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid expectedVersion", "expectedVersion must be a whole number of 0 or more (0 for a new stream).", "expectedVersion");
            }

            expectedVersion = version;
        }

        if (!http.HasJsonContentType())
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid request body", "The body must be JSON (Content-Type: application/json).", "body");
        }

        IBorderSecurityRequest request;
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        try
        {
            request = (IBorderSecurityRequest?)JsonSerializer.Deserialize(body, type, TimelineFile.JsonOptions)
                      ?? throw new JsonException("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            if (PreviousShape(type, body) is { } previous)
            {
                request = previous;
            }
            else
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid request body", e.Message, e.Path ?? "body");
            }
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid request body", e.Message, e.ParamName ?? "body");
        }

        try
        {
            // A repeat (same key, same request) gets what the first write stored, answered as the first one was.
            var result = await store.SubmitAsync(request, expectedVersion, idempotencyKey, ct);
            return TypedResults.Created((string?)null, result.Events.Select(RecordedEventResponse.Of).ToList());
        }
        catch (StreamConcurrencyException e)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Concurrency conflict", e.Message, "expectedVersion");
        }
        catch (DomainRuleViolationException e)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, $"{e.Aggregate} rule {e.Rule} broken", e.Detail, e.Rule);
        }
        catch (IdempotencyKeyConflictException e)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key already used",
                $"The {IdempotencyKeyHeader.Name} '{e.Key}' was already used for a different request; nothing was stored. Send a new request with a new key.",
                IdempotencyKeyHeader.Name);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Invalid request", e.Message, e.ParamName ?? "body");
        }
    }

    /// <summary>
    /// A body in the request's shape of the previous timeline format (<see cref="RequestCatalogue.TryGetLegacyShape"/>), mapped
    /// forward: for example a <c>RecordDispute</c> with one <c>subjectId</c>, as clients wrote it before a dispute could
    /// concern several subjects. <see langword="null"/> when the request has no such shape or the body is not in it either
    /// (then the error of today's shape is reported).
    /// </summary>
    private static IBorderSecurityRequest? PreviousShape(Type type, byte[] body)
    {
        if (!RequestCatalogue.TryGetLegacyShape(type.Name, TimelineFile.FormatVersion - 1, out var shape))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, shape.StoredType, TimelineFile.JsonOptions) is { } stored ? shape.Forward(stored) : null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>One event a write stored.</summary>
/// <param name="Sequence">Its position in the whole log.</param>
/// <param name="StreamId">Its stream, for example <c>funding:bsc-2024-09</c>.</param>
/// <param name="Version">Its version within the stream (1 for the first event); pass it as <c>expectedVersion</c> to the next write.</param>
/// <param name="RecordedAt">When the store recorded it (ISO-8601 UTC).</param>
/// <param name="KnownFrom">When it became known (ISO-8601 UTC); the recording instant for writes over HTTP.</param>
/// <param name="EventName">Its wire name, for example <c>funding-pledged/1</c>.</param>
public sealed record RecordedEventResponse(long Sequence, string StreamId, long Version, Instant RecordedAt, Instant KnownFrom, string EventName)
{
    /// <summary>The response for a recorded event.</summary>
    /// <param name="recorded">The event.</param>
    /// <returns>Its response.</returns>
    public static RecordedEventResponse Of(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new(recorded.Sequence, recorded.StreamId, recorded.Version, recorded.RecordedAt, recorded.KnownFrom, recorded.EventName);
    }
}
