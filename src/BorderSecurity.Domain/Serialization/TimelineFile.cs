using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BorderSecurity.Domain.ReferenceTimeline;
using BorderSecurity.Domain.Storage;

namespace BorderSecurity.Domain.Serialization;

/// <summary>A timeline file could not be read. Nothing from the file should be reported as a result.</summary>
public sealed class TimelineFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">The 1-based line of the step (or of the syntax error), or 0 when not known.</param>
    /// <param name="field">The field at fault (a JSON path such as <c>$.steps[2].data.amount</c>, or a rule name), or <see langword="null"/>.</param>
    /// <param name="detail">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public TimelineFileException(int line, string? field, string detail, Exception? inner = null)
        : base($"line {line}{(field is null ? "" : $", {field}")}: {detail}", inner)
    {
        Line = line;
        Field = field;
        Detail = detail;
    }

    /// <summary>The 1-based line, or 0 when not known.</summary>
    public int Line { get; }

    /// <summary>The field at fault, or <see langword="null"/>.</summary>
    public string? Field { get; }

    /// <summary>What is wrong.</summary>
    public string Detail { get; }
}

/// <summary>
/// Reads and writes timeline files: JSON documents of steps, each a known request (by name, from
/// <see cref="RequestCatalogue"/>) with the instant it became known. The format is in docs/timeline-format.md.
/// </summary>
/// <example>
/// Reading gives steps; a store imports them (<see cref="IBorderSecurityWriter.ImportAsync"/>), each at most once:
/// <code>
/// var steps = TimelineFile.Read(File.ReadAllBytes("my-timeline.json"));
/// await store.ImportAsync(steps);
/// </code>
/// </example>
/// <remarks>
/// Type names are never taken from the data beyond that fixed list: no <c>$type</c> handling, no reflection on
/// arbitrary names. Input is limited to <see cref="MaxBytes"/> bytes and a nesting depth of 16.
/// </remarks>
public static class TimelineFile
{
    /// <summary>
    /// The format version this library writes. It goes up by one whenever a request's fields change; files of every
    /// earlier version keep reading, their old request shapes mapped forward (<see cref="RequestCatalogue.LegacyShapes"/>).
    /// </summary>
    public const int FormatVersion = 5;

    /// <summary>The format identifier this library writes in a file's <c>format</c> property.</summary>
    public const string Format = FormatPrefix + "5";

    private const string FormatPrefix = "border-security-timeline/";

    /// <summary>The largest file accepted: 16 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The JSON options of the format: camelCase names, ISO dates, money as numbers, enums as strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>Reads a timeline file.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <returns>The steps, in file order.</returns>
    /// <exception cref="TimelineFileException">The file is not a valid timeline; the message names the line and field.</exception>
    public static IReadOnlyList<TimelineStep> Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw new TimelineFileException(0, null, $"the file is {utf8Json.Length:#,0} bytes; at most {MaxBytes:#,0} are accepted.");
        }

        var bytes = utf8Json.ToArray();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new TimelineFileException((int)(e.LineNumber ?? -1) + 1, e.Path, $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TimelineFileException(1, "$", "a timeline file must be a JSON object with \"format\" and \"steps\".");
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                || FormatVersionOf(format.GetString()!) is not { } formatVersion)
            {
                throw new TimelineFileException(1, "$.format",
                    $"\"format\" must be \"{FormatPrefix}N\" with N from 1 to {FormatVersion} (this library writes \"{Format}\").");
            }

            if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
            {
                throw new TimelineFileException(1, "$.steps", "\"steps\" must be an array.");
            }

            var lines = StepLines(bytes);
            var result = new List<TimelineStep>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var line = index < lines.Count ? lines[index] : 0;
                var read = ReadStep(step, index, line, formatVersion);
                if (read.Id is { } id && !ids.TryAdd(id, index))
                {
                    throw new TimelineFileException(line, $"$.steps[{index}].id", $"step id \"{Shorten(id)}\" is already used by step {ids[id]}; step ids must be unique in a file.");
                }

                result.Add(read);
                index++;
            }

            return result;
        }
    }

    /// <summary>The 1-based line on which each step of a file starts.</summary>
    /// <param name="utf8Json">The file's bytes (already known to be valid JSON).</param>
    /// <returns>The lines, in step order.</returns>
    public static IReadOnlyList<int> StepLines(ReadOnlySpan<byte> utf8Json)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 16 });
        var inSteps = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inSteps = reader.ValueTextEquals("steps");
            }
            else if (inSteps && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                lines.Add(1 + utf8Json[..(int)reader.TokenStartIndex].Count((byte)'\n'));
            }
        }

        return lines;
    }

    /// <summary>Writes steps as a timeline file.</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The file's text, indented.</returns>
    public static string Write(IEnumerable<TimelineStep> steps)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartArray("steps");
            foreach (var step in Guard.Against.Null(steps))
            {
                writer.WriteStartObject();
                if (step.Id is not null)
                {
                    writer.WriteString("id", step.Id);
                }

                writer.WritePropertyName("knownFrom");
                JsonSerializer.Serialize(writer, step.KnownFrom, JsonOptions);
                writer.WriteString("request", step.Request.GetType().Name);
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, step.Request, step.Request.GetType(), JsonOptions);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int? FormatVersionOf(string format) =>
        format.StartsWith(FormatPrefix, StringComparison.Ordinal)
        && int.TryParse(format.AsSpan(FormatPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
        && version is >= 1 and <= FormatVersion
        && format == FormatPrefix + version.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? version
            : null;

    private static TimelineStep ReadStep(JsonElement step, int index, int line, int formatVersion)
    {
        var path = $"$.steps[{index}]";
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new TimelineFileException(line, path, "a step must be an object with \"knownFrom\", \"request\" and \"data\".");
        }

        if (!step.TryGetProperty("request", out var requestName) || requestName.ValueKind != JsonValueKind.String)
        {
            throw new TimelineFileException(line, path + ".request", "\"request\" must name a request, for example \"PledgeFunding\".");
        }

        if (!RequestCatalogue.TryGetType(requestName.GetString()!, out var type))
        {
            throw new TimelineFileException(line, path + ".request",
                $"unknown request \"{Shorten(requestName.GetString()!)}\"; known requests: {string.Join(", ", RequestCatalogue.Names)}.");
        }

        if (!step.TryGetProperty("knownFrom", out var knownFromElement))
        {
            throw new TimelineFileException(line, path + ".knownFrom", "\"knownFrom\" (the instant the fact became known) is required.");
        }

        if (!step.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new TimelineFileException(line, path + ".data", "\"data\" must be an object holding the request's fields.");
        }

        string? id = null;
        if (step.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String)
            {
                throw new TimelineFileException(line, path + ".id", "\"id\", when given, must be a string naming the step.");
            }

            try
            {
                id = TimelineStep.ValidateId(idElement.GetString()!);
            }
            catch (ArgumentException e)
            {
                throw new TimelineFileException(line, path + ".id", e.Message, e);
            }
        }

        Instant knownFrom;
        try
        {
            knownFrom = knownFromElement.Deserialize<Instant>(JsonOptions);
        }
        catch (JsonException e)
        {
            throw new TimelineFileException(line, path + ".knownFrom", e.Message, e);
        }

        try
        {
            var legacy = RequestCatalogue.TryGetLegacyShape(type.Name, formatVersion, out var shape) ? shape : null;
            var read = data.Deserialize(legacy?.StoredType ?? type, JsonOptions)
                       ?? throw new TimelineFileException(line, path + ".data", "\"data\" must not be null.");
            var request = legacy is null ? (IBorderSecurityRequest)read : legacy.Forward(read);
            return new TimelineStep(knownFrom, request) { Id = id };
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } p ? path + ".data" + p[1..] : path + ".data";
            throw new TimelineFileException(line, field, e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new TimelineFileException(line, $"{path}.data.{e.ParamName}", e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            throw new TimelineFileException(line, path + ".data", e.Message, e);
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            MaxDepth = 16,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        options.ConfigureForBorderSecurity();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
