using System.Globalization;

namespace BorderSecurity.Domain.Shared;

/// <summary>
/// An amount of money in pounds sterling (GBP): never negative and never finer than a penny.
/// </summary>
/// <remarks>
/// Money is a <see cref="decimal"/> so that £75m plus £75m is exactly £150m; floating point is never used.
/// Signed differences between two amounts are plain decimals (see <see cref="Pounds"/>), not <see cref="Money"/>.
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Zero pounds.</summary>
    public static readonly Money Zero = default;

    /// <summary>Creates an amount from pounds.</summary>
    /// <param name="pounds">The amount in pounds, for example <c>75_000_000m</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="pounds"/> is negative or has a fraction of a penny.</exception>
    public Money(decimal pounds) => Pounds = Guard.Against.InvalidMoney(pounds);

    /// <summary>The amount in pounds, with at most two decimal places.</summary>
    public decimal Pounds { get; }

    /// <summary>Creates an amount from pounds.</summary>
    /// <param name="pounds">The amount in pounds.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="pounds"/> is negative or has a fraction of a penny.</exception>
    public static Money FromPounds(decimal pounds) => new(pounds);

    /// <summary>Creates an amount from millions of pounds, as announcements usually state it (£75m).</summary>
    /// <param name="millions">The amount in millions of pounds, for example <c>75m</c>.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException">The amount is negative or has a fraction of a penny.</exception>
    public static Money FromMillions(decimal millions) => new(millions * 1_000_000m);

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static Money operator +(Money left, Money right) => new(left.Pounds + right.Pounds);

    /// <summary>Subtracts one amount from another.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException"><paramref name="right"/> is larger than <paramref name="left"/>.</exception>
    public static Money operator -(Money left, Money right) => new(left.Pounds - right.Pounds);

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Money left, Money right) => left.Pounds > right.Pounds;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Money left, Money right) => left.Pounds < right.Pounds;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.Pounds >= right.Pounds;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.Pounds <= right.Pounds;

    /// <inheritdoc />
    public int CompareTo(Money other) => Pounds.CompareTo(other.Pounds);

    /// <summary>Formats the amount as pounds with pence, for example <c>£75,000,000.00</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => "£" + Pounds.ToString("#,0.00", CultureInfo.InvariantCulture);
}
