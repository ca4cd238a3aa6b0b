namespace BorderSecurity.Domain.Conformance;

public static partial class IndependentOracle
{
    /// <summary>A commitment's delivery as the oracle sees it (docs/projections.md, "Money delivered"), in pounds.</summary>
    /// <param name="Id">The commitment id.</param>
    /// <param name="Planned">Every planned line summed.</param>
    /// <param name="Spent">Every outturn line summed.</param>
    /// <param name="StillToSpend">Promised less spent, never below zero; null for a yearly level; zero once withdrawn.</param>
    /// <param name="Overspend">Spent above the promise (per year above a yearly level); zero once withdrawn.</param>
    /// <param name="Years">Per year with a line: start year, promised for the year where the period says, planned, spent.</param>
    public sealed record DeliveryView(
        string Id, decimal Planned, decimal Spent, decimal? StillToSpend, decimal Overspend, IReadOnlyList<(int Year, decimal? Promised, decimal Planned, decimal Spent)> Years);

    /// <summary>The oracle's delivery of one commitment, from its folded lines and period.</summary>
    /// <param name="c">The commitment as the oracle folded it.</param>
    /// <returns>Its delivery.</returns>
    public static DeliveryView Delivery(Commitment c)
    {
        decimal planned = 0, spent = 0;
        var years = new SortedDictionary<int, (decimal Planned, decimal Spent)>();
        foreach (var line in c.Spending)
        {
            var (p, s) = years.GetValueOrDefault(line.Year);
            years[line.Year] = line.Stage == "Outturn" ? (p, s + line.Amount) : (p + line.Amount, s);
            (planned, spent) = line.Stage == "Outturn" ? (planned, spent + line.Amount) : (planned + line.Amount, spent);
        }

        var perYear = years.Select(y => (y.Key, PromisedIn(c, y.Key), y.Value.Planned, y.Value.Spent)).ToList();
        if (c.IsWithdrawn)
        {
            return new DeliveryView(c.Id, planned, spent, 0, 0, perYear);
        }

        if (c.IsYearlyLevel)
        {
            decimal over = 0;
            foreach (var (_, promised, _, s) in perYear)
            {
                if (promised is { } level && s > level)
                {
                    over += s - level;
                }
            }

            return new DeliveryView(c.Id, planned, spent, null, over, perYear);
        }

        return new DeliveryView(c.Id, planned, spent, Math.Max(0, c.Amount - spent), Math.Max(0, spent - c.Amount), perYear);
    }

    // What the period says the commitment promised for a year, or null where it does not split the money by year.
    private static decimal? PromisedIn(Commitment c, int year)
    {
        var period = c.Period;
        var inside = period.FirstYear is { } first && year >= first && (period.LastYear is not { } last || year <= last);
        switch (period.Coverage)
        {
            case "InYear":
                return period.FirstYear == year ? c.Amount : 0;
            case "OverYears" when period.Profile is { } profile:
                foreach (var (y, amount) in profile)
                {
                    if (y == year)
                    {
                        return amount;
                    }
                }

                return 0;
            case "YearlyFrom":
                return inside ? c.Amount : 0;
            case "YearlyBy":
                if (inside)
                {
                    return c.Amount;
                }

                return period.LastYear is { } end && year > end ? 0 : null;
            default:
                return null;
        }
    }

    private static int KindOrder(string kind) => kind switch
    {
        "NotStated" => 0,
        "Resource" => 1,
        _ => 2,
    };
}
