namespace BorderSecurity.Domain.Shared;

/// <summary>
/// What one event states about one figure of its stream: "the amount is £75m", "£2m is allocated to covert cameras",
/// "the commitment is withdrawn". A figure's value for a question is its latest statement that counts, by valid date
/// then recording order (see docs/projections.md). Each aggregate says what its events state in one place
/// (<c>FundingStatements</c>, <c>RecruitmentStatements</c>); every store's projection uses that mapping.
/// </summary>
/// <param name="Figure">The figure (one of <see cref="Figures"/>).</param>
/// <param name="Dimension">The figure's dimension (a capability for an allocation), or empty.</param>
/// <param name="Value">The stated value, or <see langword="null"/> for a statement without one (a creation).</param>
public sealed record FigureStatement(string Figure, string Dimension, decimal? Value);

/// <summary>The names of the figures events state. They are stored (the Marten tables key on them): never rename one.</summary>
public static class Figures
{
    /// <summary>The stream was created (a pledge, a redirect, a target set); its creation carries the attributes that never change.</summary>
    public const string Created = "created";

    /// <summary>A commitment's amount in pounds.</summary>
    public const string Amount = "amount";

    /// <summary>An allocation of a commitment to a capability (the dimension), in pounds.</summary>
    public const string Allocation = "allocation";

    /// <summary>What a commitment covers (no value; its content is <c>FundingStatements.PeriodOf</c> the event, the Marten tables keep it as JSON).</summary>
    public const string Period = "period";

    /// <summary>
    /// Spending reported against a commitment, in pounds: one line per financial year, stage and kind (the dimension,
    /// <c>Funding.SpendingLine.KeyOf</c>, for example <c>2024/25 outturn capital</c>). A withdrawal never zeroes it: money spent stays spent.
    /// </summary>
    public const string Spending = "spending";

    /// <summary>The commitment was withdrawn (value 1).</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>A recruitment target's headcount.</summary>
    public const string Headcount = "headcount";

    /// <summary>How many are in post.</summary>
    public const string InPost = "inpost";

    /// <summary>The target was met (value 1).</summary>
    public const string Met = "met";

    /// <summary>The target was abandoned (value 1).</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The target was announced again (value 1; every such statement that counts is one re-announcement, no new heads).</summary>
    public const string Reannounced = "reannounced";

    /// <summary>A target's basis: 0 for a firm number, 1 for a ceiling ("up to"); see <see cref="Recruitment.TargetBasis"/>. No statement reads as firm.</summary>
    public const string Basis = "basis";
}

/// <summary>What any event of the model states, as its aggregate's registration says.</summary>
public static class EventStatements
{
    /// <summary>The figures an event states; empty for events that state none (commands and legislation are folded whole).</summary>
    /// <param name="e">The event.</param>
    /// <returns>The statements.</returns>
    public static IReadOnlyList<FigureStatement> Of(IBorderSecurityEvent e) => Aggregates.Of(Guard.Against.Null(e)).States(e);
}
