using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BorderSecurity.Domain.Funding;

/// <summary>
/// A UK government financial year: 1 April to 31 March, written <c>2025/26</c>. Public money is counted per financial
/// year; <see cref="StartYear"/> is the calendar year in which it starts (2025 for 2025/26).
/// </summary>
/// <remarks>Serialised as its text, for example <c>"2025/26"</c>; ordered by <see cref="StartYear"/>.</remarks>
[JsonConverter(typeof(FinancialYearJsonConverter))]
public readonly record struct FinancialYear : IComparable<FinancialYear>
{
    /// <summary>The first start year a financial year may have.</summary>
    public const int MinStartYear = 1900;

    /// <summary>The last start year a financial year may have.</summary>
    public const int MaxStartYear = 2998;

    /// <summary>Creates a financial year.</summary>
    /// <param name="startYear">The calendar year in which it starts, from <see cref="MinStartYear"/> to <see cref="MaxStartYear"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is out of range.</exception>
    public FinancialYear(int startYear)
    {
        if (startYear is < MinStartYear or > MaxStartYear)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear,
                $"A financial year starts in a year from {MinStartYear} to {MaxStartYear}.");
        }

        StartYear = startYear;
    }

    /// <summary>The calendar year in which it starts (2025 for 2025/26).</summary>
    public int StartYear { get; }

    /// <summary>Its first day, 1 April of <see cref="StartYear"/>.</summary>
    public LocalDate Start => new(StartYear, 4, 1);

    /// <summary>Its last day, 31 March of the next calendar year.</summary>
    public LocalDate End => new(StartYear + 1, 3, 31);

    /// <summary>Its days, 1 April to 31 March inclusive.</summary>
    public DateInterval Dates => new(Start, End);

    /// <summary>The financial year after this one.</summary>
    /// <returns>The next year.</returns>
    public FinancialYear Next() => new(StartYear + 1);

    /// <summary>The financial year a date falls in.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Its financial year.</returns>
    public static FinancialYear Of(LocalDate date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Whether a date falls in this financial year.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> from 1 April to 31 March.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Every financial year from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    /// <param name="first">The first year.</param>
    /// <param name="last">The last year; not before <paramref name="first"/>.</param>
    /// <returns>The years, in order.</returns>
    /// <exception cref="ArgumentException"><paramref name="last"/> is before <paramref name="first"/>.</exception>
    public static IReadOnlyList<FinancialYear> Range(FinancialYear first, FinancialYear last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The last financial year {last} is before the first {first}.", nameof(last));
        }

        return [.. Enumerable.Range(first.StartYear, last.StartYear - first.StartYear + 1).Select(y => new FinancialYear(y))];
    }

    /// <summary>Reads <c>2025/26</c> (also <c>2025-26</c> and <c>FY2025/26</c>); the second part must be the next year.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The financial year.</returns>
    /// <exception cref="FormatException">The text is not a financial year.</exception>
    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year)
            ? year
            : throw new FormatException($"'{text}' is not a UK financial year; write it as 2025/26 (1 April 2025 to 31 March 2026).");

    /// <summary>Tries to read <c>2025/26</c> (also <c>2025-26</c> and <c>FY2025/26</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="year">The financial year, when read.</param>
    /// <returns>Whether the text is a financial year.</returns>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var t = text?.Trim() ?? "";
        if (t.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }

        if (t.Length != 7 || (t[4] != '/' && t[4] != '-')
            || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < MinStartYear or > MaxStartYear
            || (start + 1) % 100 != end)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="a"/> is before <paramref name="b"/>.</summary>
    /// <param name="a">A year.</param>
    /// <param name="b">Another.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;

    /// <summary>Whether <paramref name="a"/> is after <paramref name="b"/>.</summary>
    /// <param name="a">A year.</param>
    /// <param name="b">Another.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;

    /// <summary>Whether <paramref name="a"/> is not after <paramref name="b"/>.</summary>
    /// <param name="a">A year.</param>
    /// <param name="b">Another.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;

    /// <summary>Whether <paramref name="a"/> is not before <paramref name="b"/>.</summary>
    /// <param name="a">A year.</param>
    /// <param name="b">Another.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    /// <summary>The year as written, for example <c>2025/26</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}/{(StartYear + 1) % 100:D2}");
}

/// <summary>Reads and writes a <see cref="FinancialYear"/> as its text, for example <c>"2025/26"</c>.</summary>
public sealed class FinancialYearJsonConverter : JsonConverter<FinancialYear>
{
    /// <inheritdoc />
    public override FinancialYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && FinancialYear.TryParse(reader.GetString(), out var year)
            ? year
            : throw new JsonException("A financial year must be text such as \"2025/26\" (1 April 2025 to 31 March 2026).");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FinancialYear value, JsonSerializerOptions options) =>
        Guard.Against.Null(writer).WriteStringValue(value.ToString());
}
