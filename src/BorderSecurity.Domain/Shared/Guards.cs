using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Ardalis.GuardClauses;

/// <summary>
/// The domain's own guard clauses, for argument validity at public boundaries. Business rules are not
/// guards: they live in each aggregate's decider and raise <c>DomainRuleViolationException</c>.
/// </summary>
public static partial class BorderSecurityGuards
{
    /// <summary>The longest free-text value (a name, a headline, a purpose) the model accepts.</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>The largest amount the model accepts, £10 trillion: several times the UK's whole annual public spending, so anything above it is a typing error.</summary>
    public const decimal MaxPounds = 10_000_000_000_000m;

    /// <summary>The largest headcount the model accepts: more people than the whole UK civil service.</summary>
    public const int MaxHeadcount = 1_000_000;

    /// <summary>The longest stream id the model accepts.</summary>
    public const int MaxStreamIdLength = 100;

    /// <summary>Rejects a negative amount, one above <see cref="MaxPounds"/>, or one with a fraction of a penny.</summary>
    /// <param name="guardClause">The guard.</param>
    /// <param name="pounds">The amount in pounds.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="pounds"/>, normalised to two decimal places.</returns>
    /// <exception cref="ArgumentException">The amount is negative, above <see cref="MaxPounds"/>, or has a fraction of a penny.</exception>
    public static decimal InvalidMoney(this IGuardClause guardClause, decimal pounds,
        [CallerArgumentExpression(nameof(pounds))] string? parameterName = null)
    {
        if (pounds < 0m)
        {
            throw new ArgumentException($"{parameterName} must not be negative (was {pounds}).", parameterName);
        }

        if (pounds > MaxPounds)
        {
            throw new ArgumentException($"{parameterName} must not exceed £{MaxPounds:#,0} (was {pounds}).", parameterName);
        }

        if (decimal.Round(pounds, 2) != pounds)
        {
            throw new ArgumentException($"{parameterName} must be whole pence (was {pounds}).", parameterName);
        }

        return decimal.Round(pounds, 2);
    }

    /// <summary>Rejects a stream id that is empty, too long, or not lowercase letters, digits, '-', '.' and ':'.</summary>
    /// <param name="guardClause">The guard.</param>
    /// <param name="streamId">The stream id, for example <c>funding:bsc-2024-09</c>.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="streamId"/>.</returns>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    public static string InvalidStreamId(this IGuardClause guardClause, string? streamId,
        [CallerArgumentExpression(nameof(streamId))] string? parameterName = null)
    {
        Guard.Against.NullOrWhiteSpace(streamId, parameterName);
        if (streamId.Length > MaxStreamIdLength || !StreamIdPattern().IsMatch(streamId))
        {
            throw new ArgumentException(
                $"{parameterName} must be 1 to {MaxStreamIdLength} characters of lowercase letters, digits, '-', '.' and ':', starting with a letter (was '{Truncate(streamId)}').",
                parameterName);
        }

        return streamId;
    }

    /// <summary>Rejects text that is null, blank, longer than <see cref="MaxTextLength"/>, or holds control characters other than tab and line breaks, or is not valid Unicode.</summary>
    /// <param name="guardClause">The guard.</param>
    /// <param name="text">The text.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="text"/>, trimmed.</returns>
    /// <exception cref="ArgumentException">The text is blank, too long, or holds a control character (such as NUL, which PostgreSQL cannot store in JSON).</exception>
    public static string InvalidText(this IGuardClause guardClause, string? text,
        [CallerArgumentExpression(nameof(text))] string? parameterName = null)
    {
        Guard.Against.NullOrWhiteSpace(text, parameterName);
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException(
                $"{parameterName} must be at most {MaxTextLength} characters (was {text.Length}).", parameterName);
        }

        var control = text.IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            throw new ArgumentException(
                $"{parameterName} must not contain control characters (found U+{(int)text[control]:X4} at position {control}).", parameterName);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new ArgumentException($"{parameterName} must be valid Unicode (an unpaired surrogate at position {i}).", parameterName);
            }
        }

        return text.Trim();
    }

    /// <summary>Rejects optional text that is given but blank or too long.</summary>
    /// <param name="guardClause">The guard.</param>
    /// <param name="text">The text, or <see langword="null"/> when not stated.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="text"/>, trimmed, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The text is blank or too long.</exception>
    public static string? InvalidOptionalText(this IGuardClause guardClause, string? text,
        [CallerArgumentExpression(nameof(text))] string? parameterName = null) =>
        text is null ? null : guardClause.InvalidText(text, parameterName);

    /// <summary>Rejects an undefined enum value (for example one cast from an out-of-range integer).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="guardClause">The guard.</param>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentException">The value is not defined by <typeparamref name="TEnum"/>.</exception>
    public static TEnum UndefinedEnum<TEnum>(this IGuardClause guardClause, TEnum value,
        [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException($"{parameterName} has an undefined {typeof(TEnum).Name} value '{value}'.", parameterName);
        }

        return value;
    }

    /// <summary>Rejects a headcount below <paramref name="minimum"/> or above <see cref="MaxHeadcount"/>.</summary>
    /// <param name="guardClause">The guard.</param>
    /// <param name="headcount">The number of people.</param>
    /// <param name="minimum">The smallest allowed value: 1 for a target, 0 for people in post.</param>
    /// <param name="parameterName">Filled in by the compiler.</param>
    /// <returns><paramref name="headcount"/>.</returns>
    /// <exception cref="ArgumentException">The headcount is out of range.</exception>
    public static int InvalidHeadcount(this IGuardClause guardClause, int headcount, int minimum,
        [CallerArgumentExpression(nameof(headcount))] string? parameterName = null)
    {
        if (headcount < minimum || headcount > MaxHeadcount)
        {
            throw new ArgumentException(
                $"{parameterName} must be between {minimum} and {MaxHeadcount:#,0} (was {headcount}).", parameterName);
        }

        return headcount;
    }

    private static readonly char[] ControlCharacters =
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F'];

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[a-z][a-z0-9.:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex StreamIdPattern();
}
