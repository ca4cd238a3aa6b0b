using System.Reflection;
using System.Text.Json.Nodes;
using BorderSecurity.Api.Security;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BorderSecurity.Api.OpenApi;

/// <summary>
/// Put on a query parameter's binding attribute (see <c>AsOfAttribute</c>) to document it exactly: the OpenAPI
/// schema of its text, whether it is required, and what it means. Parameters are bound as text and parsed by the
/// endpoint, so a bad value gets a 400 problem naming the parameter instead of a binding failure.
/// </summary>
public interface IDocumentedQueryParameter
{
    /// <summary>Whether the parameter must be given.</summary>
    bool IsRequired { get; }

    /// <summary>The parameter's description.</summary>
    string Description { get; }

    /// <summary>The value's JSON type (string for dates and instants, integer for versions).</summary>
    JsonSchemaType Type { get; }

    /// <summary>The value's format (<c>date</c>, <c>date-time</c>, <c>int64</c>), or <see langword="null"/>.</summary>
    string? Format { get; }

    /// <summary>The pattern the value's text matches, or <see langword="null"/> (dates get <c>YYYY-MM-DD</c>'s pattern).</summary>
    string? Pattern => null;
}

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (OpenAPI 3.1, so a nullable value is <c>type: [..., "null"]</c>
/// and a reference may carry its own description): the model's value types with their wire formats (dates
/// <c>YYYY-MM-DD</c>, instants ISO-8601 UTC, money as a number of pounds, financial years <c>2024/25</c>, provenance as
/// an array of sources), query parameters with their formats, the <c>Idempotency-Key</c> header on every write, the
/// security of every operation (the bearer scheme where a token is needed, <c>[{}]</c> where none is), and
/// descriptions as plain text. The checked-in copy passes Redocly's recommended rules (redocly.yaml).
/// </summary>
public static class ApiOpenApi
{
    /// <summary>The bearer security scheme's name.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The header a write may carry to be stored at most once (IETF httpapi draft "The Idempotency-Key HTTP Header Field").</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly HashSet<Type> InlineTypes = [typeof(LocalDate), typeof(Instant), typeof(Money), typeof(DateInterval), typeof(FinancialYear)];

    private const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    /// <summary>The pattern of a stream id (see <see cref="StreamId"/>), for example <c>funding:bsc-2024-09</c>.</summary>
    private const string StreamIdPattern = "^[a-z][a-z0-9.:-]*$";

    // Typed ids and organisations travel as plain strings: written inline, so each property keeps its own description.
    private static bool IsInline(Type type) => InlineTypes.Contains(type) || typeof(StreamId).IsAssignableFrom(type) || type == typeof(Organisation);

    /// <summary>The pattern of a financial year as the service writes it, for example <c>2024/25</c>.</summary>
    public const string FinancialYearPattern = @"^\d{4}/\d{2}$";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Requests", "Writes: one route per request type, each deciding the request against its stream and storing the events (an editor token)."),
        ("Funding", "Funding commitments and their totals as of a date, over time, and by UK financial year."),
        ("Recruitment", "Recruitment targets and progress as of a date."),
        ("Legislation", "Bills and Acts as of a date: their stage in each House and the provisions in force."),
        ("Timeline", "Every event that counts as of a date, in valid-date order, with its sources."),
        ("Commands", "A command at a glance: leader, agencies, units, powers, funding and recruitment."),
        ("Disputes", "Disputed facts and what disputes them."),
        ("Health", "Liveness and readiness for orchestrators."),
    ];

    /// <summary>Adds the document and its transformers.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

            // Value types are written inline, so a nullable one (LocalDate?) is documented as nullable where it is used.
            o.CreateSchemaReferenceId = t => IsInline(Nullable.GetUnderlyingType(t.Type) ?? t.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BorderSecurity API",
                    Version = "v1",
                    Description = "Record announcements about the UK Border Security Command (writes need a bearer token with the editor role) "
                                  + "and ask any projection as of a valid date (YYYY-MM-DD), optionally as known at an instant (ISO-8601 UTC).",
                };
                document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };

                // Relative: the service that serves this document, wherever it runs.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The service that serves this document." }];
                document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT signed with Auth:SigningKey, issuer Auth:Issuer, audience Auth:Audience and a role claim (editor to write, reader to read when reads are protected).",
                };
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(TransformSchemaAsync);
            o.AddOperationTransformer((operation, context, _) =>
            {
                DescribeParameters(operation, context);
                DeclareSecurity(operation, context);
                DescribeIdempotencyKey(operation, context);
                DescribeRetryAfter(operation);
                DescribeCsv(operation, context);
                return Task.CompletedTask;
            });

            // Last, over the whole document: descriptions as plain text (no HTML entities, no C# signatures of crefs).
            o.AddDocumentTransformer((document, _, _) =>
            {
                OpenApiText.CleanDescriptions(document);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static async Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (typeof(IBorderSecurityRequest).IsAssignableFrom(type) && schema.Properties is { } properties)
        {
            // Computed members such as StreamId are written but never read: a body does not carry them.
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.Set is null && p.AssociatedParameter is null))
            {
                properties.Remove(property.Name);
                schema.Required?.Remove(property.Name);
            }
        }

        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 })
        {
            // Enums travel as their names (JsonStringEnumConverter); say so, or generators send numbers.
            schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        }
        else if (type == typeof(LocalDate) || type == typeof(LocalDate?))
        {
            Replace(schema, type, JsonSchemaType.String, "date", "A date, YYYY-MM-DD.");
            schema.Pattern = DatePattern;
        }
        else if (type == typeof(Instant) || type == typeof(Instant?))
        {
            Replace(schema, type, JsonSchemaType.String, "date-time", "An ISO-8601 UTC instant, for example 2024-11-05T09:00:00Z.");
        }
        else if (type == typeof(FinancialYear) || type == typeof(FinancialYear?))
        {
            // A custom converter writes it as text; without this it would have no type at all (a generated TypeScript client
            // types it unknown). A property keeps its own description; the pattern says how the year is written.
            var described = context.JsonPropertyInfo is not null ? schema.Description : null;
            Replace(schema, type, JsonSchemaType.String, null, described ?? "A UK financial year (1 April to 31 March), written 2024/25.");
            schema.Pattern = FinancialYearPattern;
        }
        else if (typeof(StreamId).IsAssignableFrom(type))
        {
            // An id is its text on the wire; the property says whose id it is.
            var described = context.JsonPropertyInfo is not null ? schema.Description : null;
            Replace(schema, type, JsonSchemaType.String, null, described ?? "A stream id, for example funding:bsc-2024-09.");
            schema.Type |= MayBeNull(context) ? JsonSchemaType.Null : 0;
            schema.Pattern = StreamIdPattern;
            schema.MinLength = 1;
            schema.MaxLength = Ardalis.GuardClauses.BorderSecurityGuards.MaxStreamIdLength;
        }
        else if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(StreamId).IsAssignableFrom(item)
                 && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(type))
        {
            // A list of ids (a dispute's subjects) is a list of their texts; the property says whose ids they are.
            schema.Type = JsonSchemaType.Array | (MayBeNull(context) ? JsonSchemaType.Null : 0);
            schema.Items = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = StreamIdPattern,
                MinLength = 1,
                MaxLength = Ardalis.GuardClauses.BorderSecurityGuards.MaxStreamIdLength,
            };
            schema.MinItems = 1;
        }
        else if (type == typeof(Organisation))
        {
            // An organisation is its name on the wire.
            var described = context.JsonPropertyInfo is not null ? schema.Description : null;
            Replace(schema, type, JsonSchemaType.String, null, described ?? "An organisation's name, for example Border Security Command.");
            schema.Type |= MayBeNull(context) ? JsonSchemaType.Null : 0;
            schema.MinLength = 1;
            schema.MaxLength = Ardalis.GuardClauses.BorderSecurityGuards.MaxTextLength;
        }
        else if (type == typeof(Money) || type == typeof(Money?))
        {
            Replace(schema, type, JsonSchemaType.Number, "decimal", "An amount in pounds, at most two decimal places, not negative.");
            schema.Minimum = "0";
        }
        else if (type == typeof(DateInterval))
        {
            Replace(schema, type, JsonSchemaType.Object, null, "A period of whole days; both ends inclusive.");
            var date = await context.GetOrCreateSchemaAsync(typeof(LocalDate), null, ct);
            schema.Properties = new Dictionary<string, IOpenApiSchema> { ["start"] = date, ["end"] = date };
            schema.Required = new HashSet<string> { "start", "end" };
        }
        else if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) && schema.Properties is { } problem)
        {
            schema.Description = "A problem (RFC 9457). field names the query parameter, body field (a JSON path such as $.amount) or domain rule at fault.";
            problem["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The parameter, body field or rule at fault." };
            problem["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request's trace id, for the service's logs." };
        }
        else if (type == typeof(Provenance))
        {
            Replace(schema, type, JsonSchemaType.Array, null, "The sources of a fact: one or more.");
            schema.Items = await context.GetOrCreateSchemaAsync(typeof(SourceReference), null, ct);
            schema.MinItems = 1;
        }
    }

    // A reference-typed property declared nullable (LegislationId? FromLegislationId): its schema says null is allowed.
    private static bool MayBeNull(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property
        && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private static void Replace(OpenApiSchema schema, Type clrType, JsonSchemaType type, string? format, string description)
    {
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true || Nullable.GetUnderlyingType(clrType) is not null;
        schema.Type = nullable ? type | JsonSchemaType.Null : type;
        schema.Format = format;
        schema.Description = description;
        schema.Properties = null;
        schema.Required = null;
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
        schema.Items = null;
        schema.Pattern = null;
    }

    private static void DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            var info = (description.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo;
            var parameter = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name);
            if (info is null || parameter is null)
            {
                continue;
            }

            if (info.GetCustomAttributes().OfType<IDocumentedQueryParameter>().FirstOrDefault() is { } documented)
            {
                parameter.Required = documented.IsRequired;
                parameter.Description = documented.Description;
                parameter.Schema = new OpenApiSchema
                {
                    Type = documented.Type,
                    Format = documented.Format,
                    Pattern = documented.Pattern ?? (documented.Format == "date" ? DatePattern : null),
                    Minimum = documented.Type == JsonSchemaType.Integer ? "0" : null,
                };
            }
        }
    }

    private static bool IsWrite(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == ApiPolicies.Write);

    /// <summary>
    /// Every operation states its security: the bearer scheme where a token is needed (writes; reads when
    /// <c>Auth:RequireReaderRole</c>), and <c>[{}]</c> (no requirement) where none is.
    /// </summary>
    private static void DeclareSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var options = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiAuthOptions>>().Value;
        var needsToken = metadata.OfType<IAllowAnonymous>().Any() is false && metadata.OfType<IAuthorizeData>().Any(a =>
            a.Policy == ApiPolicies.Write || (a.Policy == ApiPolicies.Read && options.RequireReaderRole));
        operation.Security = needsToken
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
            : [new OpenApiSecurityRequirement()];
    }

    private static void DescribeIdempotencyKey(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (!IsWrite(context))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional: a key of 1 to 200 visible ASCII characters naming this request (for example a UUID), bare or as a "
                          + "structured-field string (\"...\"). The request is stored at most once per key: sending it again with the same key and "
                          + "the same body gets the first response (201 and the same events) and stores nothing; the same key with a different "
                          + "body gets 422 naming the key; a blank, too long or malformed key gets 400. Only a write that stored events keeps its key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxLength },
        });
    }

    /// <summary>A 503 (the store cannot be reached) says when to try again.</summary>
    // An answer that is also a table (Csv/CsvAnswers.WithCsv): text/csv beside application/json for its 200.
    private static void DescribeCsv(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Csv.CsvAnswers.CsvMarker>().Any()
            && operation.Responses?.TryGetValue("200", out var ok) is true && ok is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[Csv.CsvAnswers.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    private static void DescribeRetryAfter(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("503", out var unavailable) is true && unavailable is OpenApiResponse response
            && response.Content?.ContainsKey("application/problem+json") is true)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            };
        }
    }
}
