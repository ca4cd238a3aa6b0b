using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;

namespace BorderSecurity.Domain.Marten;

/// <summary>One figure as a question saw it: its latest value (or a creation or period row's detail) and the valid date it was stated on.</summary>
internal sealed record Figure(decimal? Value, string? Detail, LocalDate ValidOn);

/// <summary>One statement row as a series reads it (<see cref="AsOfSql.SeriesStatements"/>).</summary>
internal readonly record struct SeriesRow(string StreamId, string Figure, string Dimension, decimal? Value, string? Detail, LocalDate ValidOn, long Sequence);

/// <summary>
/// The latest figures of each stream as of a question, gathered from the rows the store read (<see cref="AsOfSql.Figures"/>,
/// or a series' statements swept forward date by date, <see cref="Apply"/>), and handed to the model's one position
/// function (<see cref="Positions"/>) as <see cref="LatestCommitmentFigures"/> or <see cref="LatestTargetFigures"/>.
/// </summary>
internal sealed class FigureRows
{
    private readonly Dictionary<string, Dictionary<(string Figure, string Dimension), Figure>> _figures = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<Provenance>> _citations = new(StringComparer.Ordinal);

    /// <summary>How many re-announcements of each target count.</summary>
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

    /// <summary>
    /// Applies a statement that counts, read in (valid date, sequence) order: it is now its figure's latest statement (a
    /// re-announcement is counted). Swept forward to a date, the rows give each figure's latest statement as of that date
    /// for the knowledge the rows were read with, exactly as <see cref="AsOfSql.Figures"/> picks it for one question.
    /// </summary>
    public void Apply(in SeriesRow row)
    {
        if (row.Figure == ProjectionRows.Reannounced)
        {
            Reannouncements[row.StreamId] = Reannouncements.GetValueOrDefault(row.StreamId) + 1;
            return;
        }

        Figures(row.StreamId)[(row.Figure, row.Dimension)] = new Figure(row.Value, row.Detail, row.ValidOn);
    }

    public IReadOnlyList<SourceReference> SourcesOf(string streamId) =>
        _citations.TryGetValue(streamId, out var list) ? [.. list.SelectMany(p => p.Sources).Distinct()] : [];

    /// <summary>A commitment's position from its rows (<see cref="Positions.Commitment"/>), or <see langword="null"/> if it has none as of the question.</summary>
    public CommitmentPosition? CommitmentOf(string streamId)
    {
        var figures = Figures(streamId);
        var created = figures.GetValueOrDefault((ProjectionRows.Created, ""));
        var detail = created is null ? null : Details.Commitment(created.Detail!);
        return Positions.Commitment(new LatestCommitmentFigures
        {
            Creation = detail is null ? null : new CommitmentCreation(streamId, detail.Recipient, detail.OriginKind, detail.OriginName, detail.Basis),
            CreatedOn = created?.ValidOn ?? default,
            Amount = figures.GetValueOrDefault((ProjectionRows.Amount, ""))?.Value,
            IsWithdrawn = figures.ContainsKey((ProjectionRows.Withdrawn, "")),
            Period = figures.GetValueOrDefault((ProjectionRows.Period, "")) is { Detail: { } period } ? Details.Period(period) : null,
            Allocations = figures
                .Where(r => r.Key.Figure == ProjectionRows.Allocation && r.Value.Value is not null)
                .Select(r => new CapabilityAmount(r.Key.Dimension, Money.FromPounds(r.Value.Value!.Value))),
            Spending = created is null ? [] : figures
                .Where(r => r.Key.Figure == ProjectionRows.Spending)
                .Select(r => SpendingLine.FromKey(r.Key.Dimension, Money.FromPounds(r.Value.Value ?? 0m), r.Value.ValidOn)),
            Sources = created is null ? [] : SourcesOf(streamId),
        });
    }

    /// <summary>What a commitment covers when no period row counts (a database written before period rows existed): not stated, as in memory.</summary>
    public static readonly FundingPeriod NoPeriod = FundingPeriod.NotStated("");

    /// <summary>A recruitment target's position from its rows (<see cref="Positions.Target"/>), or <see langword="null"/> if it has none as of the question.</summary>
    public TargetPosition? TargetOf(string streamId)
    {
        var figures = Figures(streamId);
        var set = figures.GetValueOrDefault((ProjectionRows.Created, "")) is { Detail: { } detail } ? Details.Target(detail) : null;
        return Positions.Target(new LatestTargetFigures
        {
            Creation = set,
            Headcount = figures.GetValueOrDefault((ProjectionRows.Headcount, ""))?.Value,
            InPost = figures.GetValueOrDefault((ProjectionRows.InPost, ""))?.Value,
            Basis = figures.GetValueOrDefault((ProjectionRows.Basis, ""))?.Value,
            IsMet = figures.ContainsKey((ProjectionRows.Met, "")),
            IsAbandoned = figures.ContainsKey((ProjectionRows.Abandoned, "")),
            Reannouncements = Reannouncements.GetValueOrDefault(streamId),
            Sources = set is null ? [] : SourcesOf(streamId),
        });
    }
}

/// <summary>
/// A series' statements (<see cref="AsOfSql.SeriesStatements"/>: every statement the knowledge allows, at any valid date)
/// swept forward date by date: asked for the positions at a date, it applies the statements up to that date
/// (<see cref="FigureRows.Apply"/>) and rebuilds the positions of the streams they touched, keeping the others. The
/// dates are the statements' valid dates: a position can change on no other.
/// </summary>
/// <typeparam name="TPosition">The position built for each stream.</typeparam>
internal sealed class StatementSweep<TPosition>
    where TPosition : class
{
    private readonly List<SeriesRow> _rows;
    private readonly Func<FigureRows, string, TPosition?> _positionOf;
    private readonly FigureRows _figures = new();
    private readonly Dictionary<string, TPosition?> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private int _next;
    private LocalDate? _last;

    /// <param name="rows">The statements, in any order (sorted here by valid date, then sequence).</param>
    /// <param name="positionOf">Builds a stream's position from its latest figures (<see cref="FigureRows.CommitmentOf"/>, <see cref="FigureRows.TargetOf"/>).</param>
    public StatementSweep(List<SeriesRow> rows, Func<FigureRows, string, TPosition?> positionOf)
    {
        rows.Sort(static (a, b) => a.ValidOn != b.ValidOn ? a.ValidOn.CompareTo(b.ValidOn) : a.Sequence.CompareTo(b.Sequence));
        _rows = rows;
        _positionOf = positionOf;
        Dates = [.. rows.Select(r => r.ValidOn).Distinct()];
    }

    /// <summary>The valid dates of the statements, ascending: the dates on which a position may change.</summary>
    public IReadOnlyList<LocalDate> Dates { get; }

    /// <summary>The positions as of <paramref name="date"/> (for the knowledge the statements were read with).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="date"/> is before a date asked before: the sweep only goes forward.</exception>
    public IEnumerable<TPosition> PositionsAt(LocalDate date)
    {
        if (date < _last)
        {
            throw new InvalidOperationException($"The sweep is at {_last} and cannot go back to {date}.");
        }

        _last = date;
        for (; _next < _rows.Count && _rows[_next].ValidOn <= date; _next++)
        {
            _figures.Apply(_rows[_next]);
            _touched.Add(_rows[_next].StreamId);
        }

        foreach (var streamId in _touched)
        {
            _positions[streamId] = _positionOf(_figures, streamId);
        }

        _touched.Clear();
        return _positions.Values.OfType<TPosition>();
    }
}
