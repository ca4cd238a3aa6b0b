using BorderSecurity.Domain.Funding;

namespace BorderSecurity.Domain.Tests.Support;

/// <summary>Small, readable test data.</summary>
internal static class Facts
{
    public static readonly SourceReference Source = new("test.txt", "A test source", new LocalDate(2024, 1, 1));
    public static readonly SourceReference OtherSource = new("other.txt", "Another test source");
    public static readonly Provenance Cited = Provenance.Of(Source);
    public static readonly Provenance CitedElsewhere = Provenance.Of(OtherSource);

    public static LocalDate On(int month, int day) => new(2024, month, day);

    public static Money M(decimal millions) => Money.FromMillions(millions);

    public static readonly FundingPeriod TwoYears = new("over the next two years");
}
