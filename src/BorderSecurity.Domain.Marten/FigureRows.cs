using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Marten;

/// <summary>One figure as a question saw it: its latest value (or a creation row's detail) and the valid date it was stated on.</summary>
internal sealed record Figure(decimal? Value, string? Detail, LocalDate ValidOn);

/// <summary>
/// The rows of <see cref="AsOfSql.Figures"/>, gathered per stream, and their assembly into the model's positions
/// (<see cref="CommitmentOf"/>, <see cref="TargetOf"/>).
/// </summary>
internal sealed class FigureRows
{
    private readonly Dictionary<string, Dictionary<(string Figure, string Dimension), Figure>> _figures = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<Provenance>> _citations = new(StringComparer.Ordinal);

    public Dictionary<string, int> Reannouncements { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Streams => _figures.Keys;

    public Dictionary<(string Figure, string Dimension), Figure> Figures(string streamId)
    {
        if (!_figures.TryGetValue(streamId, out var figures))
        {
            _figures[streamId] = figures = [];
        }

        return figures;
    }

    public void Add(string streamId, Provenance provenance)
    {
        if (!_citations.TryGetValue(streamId, out var list))
        {
            _citations[streamId] = list = [];
        }

        list.Add(provenance);
    }

    public IReadOnlyList<SourceReference> SourcesOf(string streamId) =>
        _citations.TryGetValue(streamId, out var list) ? [.. list.SelectMany(p => p.Sources).Distinct()] : [];

    /// <summary>A commitment's position from its rows, or <see langword="null"/> if it was not created as of the question.</summary>
    public CommitmentPosition? CommitmentOf(string streamId)
    {
        var figures = Figures(streamId);
        if (!figures.TryGetValue((ProjectionRows.Created, ""), out var created)
            || !figures.TryGetValue((ProjectionRows.Amount, ""), out var amount))
        {
            return null;
        }

        var detail = Details.Commitment(created.Detail!);
        var period = figures.TryGetValue((ProjectionRows.Period, ""), out var stated) ? Details.Period(stated.Detail!) : NoPeriod;
        var withdrawn = figures.ContainsKey((ProjectionRows.Withdrawn, ""));
        CapabilityAmount[] allocations = withdrawn
            ? []
            : [.. figures
                .Where(r => r.Key.Figure == ProjectionRows.Allocation && r.Value.Value > 0m)
                .OrderBy(r => r.Key.Dimension, StringComparer.Ordinal)
                .Select(r => new CapabilityAmount(r.Key.Dimension, Money.FromPounds(r.Value.Value!.Value)))];
        return new CommitmentPosition(streamId, detail.Recipient, new FundingOrigin(detail.OriginKind, detail.OriginName), detail.Basis,
            created.ValidOn, withdrawn ? Money.Zero : Money.FromPounds(amount.Value!.Value), period, allocations, withdrawn, SourcesOf(streamId));
    }

    /// <summary>What a commitment covers when no period row counts (a database written before period rows existed): not stated, as in memory.</summary>
    public static readonly FundingPeriod NoPeriod = FundingPeriod.NotStated("");

    /// <summary>A recruitment target's position from its rows, or <see langword="null"/> if it was not set as of the question.</summary>
    public TargetPosition? TargetOf(string streamId)
    {
        var figures = Figures(streamId);
        if (!figures.TryGetValue((ProjectionRows.Created, ""), out var created)
            || !figures.TryGetValue((ProjectionRows.Headcount, ""), out var headcount))
        {
            return null;
        }

        var detail = Details.Target(created.Detail!);
        var status = figures.ContainsKey((ProjectionRows.Abandoned, "")) ? RecruitmentStatus.Abandoned
            : figures.ContainsKey((ProjectionRows.Met, "")) ? RecruitmentStatus.Met
            : RecruitmentStatus.Active;
        var inPost = figures.TryGetValue((ProjectionRows.InPost, ""), out var count) ? (int)count.Value!.Value : 0;
        var abandoned = status == RecruitmentStatus.Abandoned;
        var reannounced = Reannouncements.GetValueOrDefault(streamId);
        return new TargetPosition(streamId, detail.Organisation, detail.Role, status, abandoned ? 0 : (int)headcount.Value!.Value,
            abandoned ? 0 : inPost, detail.Deadline is null ? null : LocalDate.FromDateOnly(DateOnly.Parse(detail.Deadline, System.Globalization.CultureInfo.InvariantCulture)),
            1 + reannounced, SourcesOf(streamId));
    }
}
