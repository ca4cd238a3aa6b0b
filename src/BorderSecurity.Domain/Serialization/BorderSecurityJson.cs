using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSecurity.Domain.Serialization;

/// <summary>
/// System.Text.Json support for the model's types, in one call (<see cref="ConfigureForBorderSecurity"/>): dates and
/// instants as ISO-8601 strings, <see cref="Money"/> as a plain number of pounds, <see cref="Provenance"/> as an array of
/// sources, enums as their names; validated on the way in.
/// </summary>
/// <example>
/// In an ASP.NET Core host, so that answers read <c>"asOf":"2024-11-05"</c> and <c>"basis":"UpTo"</c>:
/// <code>
/// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForBorderSecurity());
/// </code>
/// </example>
/// <remarks>
/// No converter here reads type names from the data: event types are chosen by their wire names
/// (<see cref="EventCatalogue"/>), never by a <c>$type</c> property.
/// </remarks>
public static class BorderSecurityJson
{
    /// <summary>
    /// Adds the model's converters to serializer options: <see cref="LocalDate"/> as <c>YYYY-MM-DD</c>,
    /// <see cref="Instant"/> as ISO-8601 UTC (<c>2024-11-05T09:00:00Z</c>), <see cref="DateInterval"/> as
    /// <c>{"start":...,"end":...}</c>, <see cref="Money"/> as a number of pounds, <see cref="Provenance"/> as an array of
    /// sources, and enums as their names (numbers refused). Converters already in <paramref name="options"/> come first
    /// and win (for example NodaTime.Serialization.SystemTextJson's, which write the same ISO text).
    /// </summary>
    /// <param name="options">The options to change.</param>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only (already used to serialize).</exception>
    public static JsonSerializerOptions ConfigureForBorderSecurity(this JsonSerializerOptions options)
    {
        Guard.Against.Null(options);
        options.Converters.Add(new NodaTimeIsoConverters.LocalDateConverter());
        options.Converters.Add(new NodaTimeIsoConverters.InstantConverter());
        options.Converters.Add(new NodaTimeIsoConverters.DateIntervalConverter());
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new ProvenanceJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        return options;
    }

    /// <summary>Reads and writes <see cref="Money"/> as a number of pounds, for example <c>75000000.00</c>.</summary>
    public sealed class MoneyJsonConverter : JsonConverter<Money>
    {
        /// <inheritdoc />
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var pounds))
            {
                throw new JsonException("An amount of money must be a number of pounds, for example 75000000.");
            }

            try
            {
                return new Money(pounds);
            }
            catch (ArgumentException e)
            {
                throw new JsonException($"Invalid amount of money: {e.Message}", e);
            }
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            Guard.Against.Null(writer).WriteNumberValue(value.Pounds);
    }

    /// <summary>Reads and writes <see cref="Provenance"/> as a non-empty array of sources.</summary>
    public sealed class ProvenanceJsonConverter : JsonConverter<Provenance>
    {
        /// <inheritdoc />
        public override Provenance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A provenance must be an array of one or more sources.");
            }

            var sources = JsonSerializer.Deserialize<SourceReference[]>(ref reader, options)
                          ?? throw new JsonException("A provenance must be an array of one or more sources.");
            try
            {
                return new Provenance(sources);
            }
            catch (ArgumentException e)
            {
                throw new JsonException($"Invalid provenance: {e.Message}", e);
            }
        }

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, Provenance value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, Guard.Against.Null(value).Sources, options);
    }
}
