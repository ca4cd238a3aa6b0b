using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BorderSecurity.Api.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BorderSecurity.Samples.Tests;

/// <summary>
/// The OpenAPI document is the contract: the checked-in copy (from which the NSwag client is generated) equals the
/// live one, every route the app maps is in it with its metadata, and real responses have the documented shapes.
/// </summary>
public partial class ApiOpenApiTests
{
    private const string UpdateVariable = "BORDERSECURITY_UPDATE_OPENAPI";

    private static string CheckedInDocumentPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BorderSecurity.Domain.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "samples", "BorderSecurity.Api", "openapi", "v1.json");
    }

    [Fact]
    public async Task TheCheckedInDocumentEqualsTheLiveOne()
    {
        await using var host = await ApiHost.StartAsync();
        var live = JsonNode.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var path = CheckedInDocumentPath();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, live.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        JsonNode.DeepEquals(live, checkedIn).Should().BeTrue(
            $"{path} must equal the live /openapi/v1.json (the generated client is built from it); run this test with {UpdateVariable}=1 to rewrite it, then review and commit the diff");
    }

    [Fact]
    public async Task EveryMappedRouteIsDocumentedWithItsResponsesAndAuthorization()
    {
        await using var host = await ApiHost.StartAsync();
        using var document = JsonDocument.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();

        endpoints.Should().HaveCountGreaterThan(30, "every request type has its route, and the questions and health have theirs");
        foreach (var endpoint in endpoints)
        {
            var route = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var because = $"{method} {route} is mapped ({endpoint.DisplayName}); give it AsRead/AsWrite (Endpoints/README.md)";
                paths.TryGetProperty(route, out var item).Should().BeTrue(because);
                item.TryGetProperty(method.ToLowerInvariant(), out var operation).Should().BeTrue(because);
                operation.TryGetProperty("operationId", out _).Should().BeTrue(because);
                operation.TryGetProperty("summary", out _).Should().BeTrue(because);
                var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
                responses.Keys.Should().Contain(k => k.StartsWith('2'), because);
                foreach (var (status, response) in responses.Where(r => r.Key is not ("204" or "304")))
                {
                    response.TryGetProperty("content", out _).Should().BeTrue($"{because}: its {status} response needs a schema");
                }

                var needsToken = endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == ApiPolicies.Write);
                if (needsToken)
                {
                    responses.Keys.Should().Contain(["400", "401", "403", "413"], because);
                    operation.GetProperty("security").GetArrayLength().Should().Be(1, because);
                }

                if (operation.TryGetProperty("parameters", out var parameters))
                {
                    responses.Keys.Should().Contain("400", because + ": a bad or unknown parameter gets 400");
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        parameter.GetProperty("schema").TryGetProperty("type", out _).Should().BeTrue(because);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task DatesAndInstantsAreDocumentedWithTheirFormats()
    {
        await using var host = await ApiHost.StartAsync();
        using var document = JsonDocument.Parse(await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var parameters = root.GetProperty("paths").GetProperty("/funding").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        var schemas = root.GetProperty("components").GetProperty("schemas");

        parameters["asOf"].GetProperty("required").GetBoolean().Should().BeTrue();
        parameters["asOf"].GetProperty("schema").GetProperty("format").GetString().Should().Be("date");
        parameters["knownAt"].GetProperty("schema").GetProperty("format").GetString().Should().Be("date-time");
        parameters["recordedBy"].GetProperty("schema").GetProperty("format").GetString().Should().Be("date-time");
        var pledge = schemas.GetProperty("PledgeFunding").GetProperty("properties");
        pledge.GetProperty("validOn").GetProperty("format").GetString().Should().Be("date");
        pledge.GetProperty("amount").GetProperty("type").GetString().Should().Be("number");
        schemas.GetProperty("TimelineEntry").GetProperty("properties").GetProperty("knownFrom").GetProperty("format").GetString().Should().Be("date-time");
        var royalAssent = schemas.GetProperty("Legislation").GetProperty("properties").GetProperty("royalAssentOn");
        royalAssent.GetProperty("format").GetString().Should().Be("date");
        royalAssent.GetProperty("type").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo(["string", "null"], "OpenAPI 3.1 writes a nullable value as a type array");
        pledge.TryGetProperty("streamId", out _).Should().BeFalse("a body does not carry computed members");
    }

    [Fact]
    public async Task RealResponsesHaveTheDocumentedShapes()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:SeedReferenceTimeline"] = "true" });
        var client = host.Editor();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var calls = new List<(string Path, string Method, HttpResponseMessage Response)>();
        foreach (var url in new[]
                 {
                     "/funding?asOf=2024-11-05", "/funding?asOf=2024-11-05&knownAt=2024-09-20T12:00:00Z", "/recruitment?asOf=2024-11-05",
                     "/legislation?asOf=2024-11-05", "/timeline?asOf=2024-11-05", "/disputes?asOf=2024-11-07", "/commands/command:bsc?asOf=2024-11-05",
                     "/commands/command:none?asOf=2024-11-05", "/series/funding", "/series/funding?recipient=Border%20Security%20Command",
                     "/funding?asOf=2024-13-01", "/funding?asof=2024-11-05", "/health/live", "/health/ready",
                     "/funding/financial-years?from=2024/25&to=2025/26&asOf=2025-01-01",
                 })
        {
            var path = url.Split('?')[0].StartsWith("/commands/", StringComparison.Ordinal) ? "/commands/{id}" : url.Split('?')[0];
            calls.Add((path, "get", await client.GetAsync(url)));
        }

        const string pledge = """
            { "commitmentId": "funding:shape", "recipient": "INTERPOL", "amount": 250000.5, "basis": "Firm", "originName": null,
              "period": { "description": "2024-25", "coverage": "InYear", "firstYear": "2024/25" }, "purpose": "Shapes",
              "announcedBy": "Home Secretary", "validOn": "2024-10-01", "provenance": [ { "document": "t.txt", "headline": "h", "publishedOn": "2024-10-01" } ] }
            """;
        foreach (var body in new[] { pledge, pledge, pledge.Replace("250000.5", "-1"), "{" })
        {
            calls.Add(("/requests/PledgeFunding", "post", await client.PostAsync("/requests/PledgeFunding", new StringContent(body, Encoding.UTF8, "application/json"))));
        }

        calls.Add(("/requests/PledgeFunding", "post", await host.Anonymous().PostAsync("/requests/PledgeFunding", new StringContent(pledge, Encoding.UTF8, "application/json"))));

        calls.Select(c => (int)c.Response.StatusCode).Should().Contain([200, 201, 400, 401, 404, 422]);
        foreach (var (path, method, response) in calls)
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = await response.Content.ReadAsStringAsync();
            var documented = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
            documented.TryGetProperty(status, out var declared).Should().BeTrue($"{method} {path} answered {status}, which is not documented: {text}");
            var mediaType = response.Content.Headers.ContentType!.MediaType!;
            declared.GetProperty("content").TryGetProperty(mediaType, out var content).Should().BeTrue($"{method} {path} {status} answered {mediaType}");
            var errors = new List<string>();
            using var json = JsonDocument.Parse(text);
            SchemaCheck.Validate(json.RootElement, content.GetProperty("schema"), document.RootElement, "$", errors);
            errors.Should().BeEmpty($"{method} {path} {status} must match its documented schema: {(text.Length > 300 ? text[..300] : text)}");
        }
    }

    [GeneratedRegex(@"\{([^}:?=*]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// A small, strict JSON Schema check for OpenAPI 3.1 documents (and 3.0's <c>nullable</c>): types (one, or an array
/// such as <c>["string", "null"]</c>), formats, patterns, required and undocumented properties, nullability.
/// </summary>
internal static partial class SchemaCheck
{
    public static void Validate(JsonElement value, JsonElement schema, JsonElement document, string path, List<string> errors)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        var types = !schema.TryGetProperty("type", out var declared) ? []
            : declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [declared.GetString()!];
        var nullable = (schema.TryGetProperty("nullable", out var n) && n.GetBoolean()) || types.Contains("null");
        if (value.ValueKind == JsonValueKind.Null)
        {
            var nullInEnum = schema.TryGetProperty("enum", out var e) && e.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Null);
            var nullInOneOf = schema.TryGetProperty("oneOf", out var o) && o.EnumerateArray().Any(x =>
                (x.TryGetProperty("nullable", out var xn) && xn.GetBoolean()) || (x.TryGetProperty("type", out var xt) && xt.ValueKind == JsonValueKind.String && xt.GetString() == "null"));
            if (!nullable && !nullInEnum && !nullInOneOf)
            {
                errors.Add($"{path}: null where the schema does not allow it");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(value, part, document, path, errors);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices))
            {
                var matches = choices.EnumerateArray().Count(choice =>
                {
                    var attempt = new List<string>();
                    Validate(value, choice, document, path, attempt);
                    return attempt.Count == 0 && !(choice.TryGetProperty("enum", out var ce) && ce.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Null));
                });
                if (matches == 0)
                {
                    errors.Add($"{path}: matches none of {keyword}");
                }
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ValueKind == value.ValueKind && v.ToString() == value.ToString()))
        {
            errors.Add($"{path}: '{value}' is not one of the documented values");
        }

        types.Remove("null");
        if (types.Count == 0)
        {
            if (declared.ValueKind != JsonValueKind.Undefined)
            {
                errors.Add($"{path}: {value.ValueKind} where the schema allows only null");
            }

            return;
        }

        if (types.Count > 1)
        {
            errors.Add($"{path}: the schema allows several types ({string.Join(", ", types)}), which this check does not handle");
            return;
        }

        var type = types[0];
        if (type == "string" && value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match the pattern {pattern.GetString()}");
        }

        switch (type)
        {
            case "object" when value.ValueKind != JsonValueKind.Object:
            case "array" when value.ValueKind != JsonValueKind.Array:
            case "string" when value.ValueKind != JsonValueKind.String:
            case "number" when value.ValueKind != JsonValueKind.Number:
            case "integer" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _):
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add($"{path}: {value.ValueKind} where the schema says {type}");
                return;
            case "object":
                ValidateObject(value, schema, document, path, errors);
                break;
            case "array":
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(item, schema.GetProperty("items"), document, $"{path}[{index++}]", errors);
                }

                break;
            case "string" when schema.TryGetProperty("format", out var format):
                var text = value.GetString()!;
                var ok = format.GetString() switch
                {
                    "date" => IsoDate().IsMatch(text),
                    "date-time" => IsoInstant().IsMatch(text),
                    _ => true,
                };
                if (!ok)
                {
                    errors.Add($"{path}: '{text}' is not in format {format.GetString()}");
                }

                break;
        }
    }

    private static void ValidateObject(JsonElement value, JsonElement schema, JsonElement document, string path, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}.{name}: required but missing");
                }
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, document, $"{path}.{property.Name}", errors);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Validate(property.Value, additional, document, $"{path}.{property.Name}", errors);
            }
            else
            {
                errors.Add($"{path}.{property.Name}: not documented");
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoInstant();
}
