using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace BorderSecurity.Api.OpenApi;

/// <summary>
/// Turns the descriptions ASP.NET Core takes from XML doc comments into plain text: HTML entities decoded
/// (<c>&amp;lt;</c> becomes <c>&lt;</c>), a <c>&lt;see cref="..."/&gt;</c> that was rendered as a C# signature
/// (<c>IReadOnlyList&lt;FinancialYearAmount&gt;? FundingPeriod.Profile</c>,
/// <c>string BillStages.NameOf(BillStage stage, ParliamentHouse house)</c>) written as the member alone
/// (<c>FundingPeriod.Profile</c>, <c>BillStages.NameOf</c>), and the comment's line breaks as spaces.
/// </summary>
public static partial class OpenApiText
{
    private static readonly Lazy<ILookup<string, Type>> TypesByName = new(() =>
        new[] { typeof(IBorderSecurityRequest).Assembly, typeof(OpenApiText).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested || t.IsNestedPublic)
            .ToLookup(t => SimpleName(t), StringComparer.Ordinal));

    private static readonly Dictionary<string, Type> Keywords = new(StringComparer.Ordinal)
    {
        ["string"] = typeof(string), ["int"] = typeof(int), ["long"] = typeof(long), ["bool"] = typeof(bool),
        ["decimal"] = typeof(decimal), ["double"] = typeof(double), ["object"] = typeof(object), ["void"] = typeof(void),
    };

    /// <summary>Cleans every description and summary in the document: operations, parameters, responses, schemas and tags.</summary>
    /// <param name="document">The document.</param>
    public static void CleanDescriptions(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            CleanSchema(schema, seen);
        }

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = CleanOrNull(tag.Description);
        }

        foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Summary = CleanOrNull(operation.Summary);
            operation.Description = CleanOrNull(operation.Description);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description = CleanOrNull(parameter.Description);
                CleanSchema(parameter.Schema, seen);
            }

            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = CleanOrNull(body.Description);
                foreach (var media in body.Content?.Values ?? [])
                {
                    CleanSchema(media.Schema, seen);
                }
            }

            foreach (var response in (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).OfType<OpenApiResponse>())
            {
                response.Description = CleanOrNull(response.Description);
                foreach (var media in response.Content?.Values ?? [])
                {
                    CleanSchema(media.Schema, seen);
                }
            }
        }
    }

    /// <summary>One description as plain text.</summary>
    /// <param name="text">The description as ASP.NET Core rendered it.</param>
    /// <returns>The text without HTML entities, C# signatures of references, or line breaks.</returns>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = LineBreak().Replace(WebUtility.HtmlDecode(text), " ");
        return RenderedReference().Replace(plain, m => RenderedMember(m) switch
        {
            null => m.Value,
            MethodInfo => m.Groups["member"].Value,
            _ => m.Groups["member"].Value + m.Groups["parameters"].Value,
        });
    }

    private static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static void CleanSchema(IOpenApiSchema? schema, HashSet<IOpenApiSchema> seen)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                // Only the reference's own description: the target is cleaned where it is defined.
                if (reference.Reference.Description is { } own)
                {
                    reference.Reference.Description = Clean(own);
                }

                return;
            case OpenApiSchema concrete when seen.Add(concrete):
                concrete.Description = CleanOrNull(concrete.Description);
                foreach (var child in (concrete.Properties?.Values ?? []).Concat(concrete.AllOf ?? []).Concat(concrete.AnyOf ?? []).Concat(concrete.OneOf ?? []))
                {
                    CleanSchema(child, seen);
                }

                CleanSchema(concrete.Items, seen);
                CleanSchema(concrete.AdditionalProperties, seen);
                return;
        }
    }

    /// <summary>
    /// The member, if a match is one rendered with its type (<c>Money CommitmentCover.Amount</c>) rather than prose that
    /// happens to look like it: the declaring type must be one of the service's, with that member, of that type.
    /// </summary>
    private static MemberInfo? RenderedMember(Match match)
    {
        var typeName = match.Groups["type"].Value.TrimEnd('?');
        var generic = typeName.IndexOf('<', StringComparison.Ordinal);
        typeName = generic < 0 ? typeName : typeName[..generic];
        foreach (var declaring in TypesByName.Value[match.Groups["declaring"].Value])
        {
            foreach (var member in declaring.GetMember(match.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var memberType = member switch
                {
                    PropertyInfo property => property.PropertyType,
                    FieldInfo field => field.FieldType,
                    MethodInfo method => method.ReturnType,
                    _ => null,
                };
                if (memberType is not null && NamesType(typeName, Nullable.GetUnderlyingType(memberType) ?? memberType))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static bool NamesType(string name, Type type) =>
        Keywords.TryGetValue(name, out var keyword) ? keyword == type : SimpleName(type) == name;

    private static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    [GeneratedRegex(@"[ \t]*\r?\n[ \t]*")]
    private static partial Regex LineBreak();

    // A type (a keyword or a PascalCase name, perhaps generic and nullable), a space, then Declaring.Member and, for a
    // method, its parameter list: how a <see cref="..."/> to a property, field or method is rendered.
    [GeneratedRegex(@"(?<type>\b(?:string|int|long|bool|decimal|double|object|void|[A-Z]\w*)(?:<(?:[^<>]|<[^<>]*>)*>)?\??) (?<member>(?<declaring>[A-Z]\w*)\.(?<name>[A-Z]\w*))(?<parameters>\([^()]*\))?")]
    private static partial Regex RenderedReference();
}
