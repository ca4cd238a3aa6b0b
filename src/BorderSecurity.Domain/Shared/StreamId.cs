using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSecurity.Domain.Shared;

/// <summary>
/// The id of a stream (one aggregate instance), validated once: 1 to 100 lowercase letters, digits, <c>-</c>, <c>.</c>
/// and <c>:</c>, starting with a letter, for example <c>funding:bsc-2024-09-ima-redirect</c>. Each aggregate has its own
/// id type (<see cref="Funding.CommitmentId"/>, <see cref="Recruitment.RecruitmentTargetId"/>, <see cref="Commands.CommandId"/>,
/// <see cref="Legislative.LegislationId"/>, <see cref="Disputes.DisputeId"/>), so passing one aggregate's id where another's
/// belongs is a compile error; <see cref="StreamId"/> itself names a stream of any aggregate (the subject of a dispute,
/// a stream read from the log).
/// </summary>
/// <remarks>
/// On the wire (timeline files, HTTP bodies, JSON answers) an id is its plain string, so typed ids change no stored
/// shape. Ids of different types are never equal, even with the same <see cref="Value"/>: compare values when crossing
/// types. Events keep ids as plain strings (they are history, in primitives); deciders map typed ids to them.
/// </remarks>
[JsonConverter(typeof(StreamIdJsonConverterFactory))]
public record StreamId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The id's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is blank, too long, or not of the allowed characters.</exception>
    public StreamId(string value) => Value = Guard.Against.InvalidStreamId(value, nameof(value));

    /// <summary>The id's text, for example <c>funding:bsc-2024-09-ima-redirect</c>.</summary>
    public string Value { get; }

    /// <summary>The id's text.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public sealed override string ToString() => Value;
}

/// <summary>Reads and writes <see cref="StreamId"/> and every typed id as its plain string, validated on the way in.</summary>
public sealed class StreamIdJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeof(StreamId).IsAssignableFrom(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TId> : JsonConverter<TId>
        where TId : StreamId
    {
        private static readonly ConstructorInfo Constructor = typeof(TId).GetConstructor([typeof(string)])
            ?? throw new InvalidOperationException($"{typeof(TId).Name} needs a public constructor taking the id's text.");

        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"An id must be a string, for example \"funding:bsc-2024-09\" (was {reader.TokenType}).");
            }

            try
            {
                return (TId)Constructor.Invoke([reader.GetString()!]);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException invalid)
            {
                throw new JsonException($"Invalid id: {invalid.Message}", invalid);
            }
        }

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
            Guard.Against.Null(writer).WriteStringValue(Guard.Against.Null(value).Value);
    }
}
