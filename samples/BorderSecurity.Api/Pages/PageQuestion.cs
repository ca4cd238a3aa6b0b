using System.Globalization;
using BorderSecurity.Domain.Projections;
using NodaTime.Text;

namespace BorderSecurity.Api.Pages;

/// <summary>
/// What the pages share: reading a question's dates and instants from the query string (so every page's URL is its
/// question, to share and cite), and writing money and sources for people.
/// </summary>
public static class PageQuestion
{
    /// <summary>A date from the query string (<c>YYYY-MM-DD</c>), or <paramref name="fallback"/> when absent.</summary>
    /// <param name="text">The parameter's text.</param>
    /// <param name="name">The parameter's name, for the error.</param>
    /// <param name="fallback">The date when the parameter is absent.</param>
    /// <param name="error">Set to a sentence naming the parameter when the text is not a date.</param>
    /// <returns>The date.</returns>
    public static LocalDate Date(string? text, string name, LocalDate fallback, ref string? error)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            error ??= $"{name}: '{text}' is not a date in the form YYYY-MM-DD.";
            return fallback;
        }

        return parsed.Value;
    }

    /// <summary>An instant from the query string (ISO-8601, <c>Z</c> or an offset; a time without either is read as UTC, as a browser's datetime field sends it), or <see langword="null"/>.</summary>
    /// <param name="text">The parameter's text.</param>
    /// <param name="name">The parameter's name, for the error.</param>
    /// <param name="error">Set to a sentence naming the parameter when the text is not an instant.</param>
    /// <returns>The instant, or <see langword="null"/> when absent or wrong.</returns>
    public static Instant? Instant(string? text, string name, ref string? error)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

        // <input type="datetime-local"> sends 2024-10-01T00:00 (no zone): the pages say the times are UTC.
        if (LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text) is { Success: true } local)
        {
            return local.Value.InUtc().ToInstant();
        }

        error ??= $"{name}: '{text}' is not an instant such as 2024-10-01T00:00:00Z.";
        return null;
    }

    /// <summary>An instant as the value of a <c>datetime-local</c> field (UTC, to the minute).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The field's value, or empty.</returns>
    public static string Field(Instant? instant) =>
        instant is { } i ? i.InUtc().ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Money for people: <c>£75m</c>, <c>£6.5m</c>, <c>£250,000</c>.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The text.</returns>
    public static string Pounds(Money money) =>
        money.Pounds >= 1_000_000m
            ? string.Create(CultureInfo.InvariantCulture, $"£{money.Pounds / 1_000_000m:0.##}m")
            : string.Create(CultureInfo.InvariantCulture, $"£{money.Pounds:#,0}");

    /// <summary>The local page of a source (its document, headline, publisher, date and public address).</summary>
    /// <param name="source">The source.</param>
    /// <returns>The page's URL.</returns>
    public static string SourcePage(SourceReference source) => "/sources/" + Uri.EscapeDataString(source.Document);

    /// <summary>How a question's knowledge reads: "as known now" or "as known at 2024-10-01 00:00 UTC".</summary>
    /// <param name="knownAt">The known-at instant.</param>
    /// <returns>The phrase.</returns>
    public static string Known(Instant? knownAt) =>
        knownAt is { } k ? $"as known at {k.InUtc():uuuu-MM-dd HH:mm} UTC" : "as known now";
}
