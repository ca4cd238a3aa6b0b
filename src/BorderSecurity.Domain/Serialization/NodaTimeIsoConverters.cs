using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace BorderSecurity.Domain.Serialization;

/// <summary>ISO-8601 converters for the NodaTime types a timeline file uses, so the package needs no serialization dependency.</summary>
internal static class NodaTimeIsoConverters
{
    public sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader, LocalDatePattern.Iso, "a date as YYYY-MM-DD, for example 2024-09-17");

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    public sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader, InstantPattern.ExtendedIso, "an instant in ISO-8601 UTC, for example 2024-11-05T09:00:00Z");

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    public sealed class DateIntervalConverter : JsonConverter<DateInterval>
    {
        public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A date interval must be an object with \"start\" and \"end\" dates.");
            }

            LocalDate? start = null, end = null;
            var dates = new LocalDateConverter();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase))
                {
                    start = dates.Read(ref reader, typeof(LocalDate), options);
                }
                else if (string.Equals(name, "end", StringComparison.OrdinalIgnoreCase))
                {
                    end = dates.Read(ref reader, typeof(LocalDate), options);
                }
                else
                {
                    throw new JsonException($"A date interval has only \"start\" and \"end\", not \"{name}\".");
                }
            }

            if (start is null || end is null)
            {
                throw new JsonException("A date interval needs both \"start\" and \"end\".");
            }

            if (end < start)
            {
                throw new JsonException($"A date interval cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
            }

            return new DateInterval(start.Value, end.Value);
        }

        public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("start", LocalDatePattern.Iso.Format(value.Start));
            writer.WriteString("end", LocalDatePattern.Iso.Format(value.End));
            writer.WriteEndObject();
        }
    }

    private static T Parse<T>(Utf8JsonReader reader, IPattern<T> pattern, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {expected}.");
        }

        var result = pattern.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException($"Expected {expected}; got \"{reader.GetString()}\".");
    }
}
