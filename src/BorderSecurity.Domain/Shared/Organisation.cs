using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSecurity.Domain.Shared;

/// <summary>
/// An organisation, named once the same way wherever the model refers to it: the recipient of money, the organisation
/// a recruitment target is for, an organisational command's name, an agency a command coordinates, a parent department.
/// For example <c>Border Security Command</c>, <c>National Crime Agency</c>, <c>Home Office</c>.
/// </summary>
/// <remarks>
/// Names match exactly (ordinal): the Border Security Command's funding is the money whose recipient is the
/// organisation named as the command. On the wire an organisation is its plain name.
/// </remarks>
[JsonConverter(typeof(OrganisationJsonConverter))]
public sealed record Organisation
{
    /// <summary>Creates an organisation.</summary>
    /// <param name="name">Its name: not blank, at most 2,000 characters, no control characters; trimmed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, too long or holds a control character.</exception>
    public Organisation(string name) => Name = Guard.Against.InvalidText(name, nameof(name));

    /// <summary>The organisation's name.</summary>
    public string Name { get; }

    /// <summary>The organisation's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}

/// <summary>Reads and writes an <see cref="Organisation"/> as its plain name, validated on the way in.</summary>
public sealed class OrganisationJsonConverter : JsonConverter<Organisation>
{
    /// <inheritdoc />
    public override Organisation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An organisation must be its name as a string, for example \"Border Security Command\" (was {reader.TokenType}).");
        }

        try
        {
            return new Organisation(reader.GetString()!);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid organisation: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Organisation value, JsonSerializerOptions options) =>
        Guard.Against.Null(writer).WriteStringValue(Guard.Against.Null(value).Name);
}
