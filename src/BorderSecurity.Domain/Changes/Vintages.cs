namespace BorderSecurity.Domain.Changes;

/// <summary>Which vintages of a figure to list (as ALFRED offers them).</summary>
public enum VintageSelection
{
    /// <summary>Every vintage: the first release and every revision or correction after it.</summary>
    All = 0,

    /// <summary>Only the first release: the value first known.</summary>
    FirstRelease = 1,

    /// <summary>Only the vintages after the first release: what revised or corrected it.</summary>
    RevisionsOnly = 2,
}

/// <summary>
/// A question about every value a figure has had for one valid date: as of <see cref="AsOf"/>, each value known at each
/// instant it changed.
/// </summary>
public sealed record VintagesQuery
{
    /// <summary>Creates the question.</summary>
    /// <param name="asOf">The valid date the figure is asked for.</param>
    /// <param name="figure">For one commitment or target, the figure: <see cref="Figures.Amount"/> (a commitment's, the default for
    /// one), <see cref="Figures.Headcount"/> (a target's, the default for one) or <see cref="Figures.InPost"/>; <see langword="null"/> for
    /// the default. Not used for a recipient's total.</param>
    /// <param name="selection">Which vintages to list.</param>
    /// <exception cref="ArgumentException"><paramref name="figure"/> is not one of those named.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="selection"/> is not defined.</exception>
    public VintagesQuery(LocalDate asOf, string? figure = null, VintageSelection selection = VintageSelection.All)
    {
        if (figure is not (null or Figures.Amount or Figures.Headcount or Figures.InPost))
        {
            throw new ArgumentException($"figure must be '{Figures.Amount}', '{Figures.Headcount}' or '{Figures.InPost}' (was '{figure}').", nameof(figure));
        }

        AsOf = asOf;
        Figure = figure;
        Selection = Guard.Against.EnumOutOfRange(selection);
    }

    /// <summary>The valid date the figure is asked for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The figure of one commitment or target, or <see langword="null"/> for its default.</summary>
    public string? Figure { get; }

    /// <summary>Which vintages to list.</summary>
    public VintageSelection Selection { get; }

    /// <summary>
    /// For an outcome indicator, the period whose value is asked (its releases are the vintages: the first release, then
    /// each revision); <see langword="null"/> (the default) for the one period that ends on <see cref="AsOf"/>. Not used for
    /// a commitment, a target or a recipient.
    /// </summary>
    public Outcomes.CountPeriod? Period { get; init; }
}

/// <summary>One vintage of a figure: its value as of the question's date, known from an instant until the next vintage.</summary>
/// <param name="KnownFrom">When this value became known.</param>
/// <param name="Value">The value (pounds for money, people for heads), or <see langword="null"/> when it stopped being stated.</param>
/// <param name="IsFirstRelease">Whether it is the first value known.</param>
/// <param name="ChangedBy">What made it (each event known at that instant about the figure, as kinds of change: new,
/// revision, correction, withdrawal, ...), in log order.</param>
/// <param name="Sources">The sources of those events, each once.</param>
public sealed record FigureVintage(Instant KnownFrom, decimal? Value, bool IsFirstRelease, IReadOnlyList<ChangeKind> ChangedBy, IReadOnlyList<SourceReference> Sources)
{
    /// <summary>
    /// For an outcome value, the release as stated with its qualifier and status (for example <c>more than 5,000</c>);
    /// <see langword="null"/> for money and people.
    /// </summary>
    public Outcomes.OutcomeRelease? Release { get; init; }

    /// <inheritdoc />
    public bool Equals(FigureVintage? other) =>
        other is not null && KnownFrom == other.KnownFrom && Value == other.Value && IsFirstRelease == other.IsFirstRelease
        && ChangedBy.SequenceEqual(other.ChangedBy) && Sources.SequenceEqual(other.Sources)
        && (Release is null ? other.Release is null : other.Release is not null && Release.Count == other.Release.Count
            && Release.Qualifier == other.Release.Qualifier && Release.Status == other.Release.Status && Release.Reason == other.Release.Reason
            && Release.Sources.SequenceEqual(other.Release.Sources));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KnownFrom, Value, IsFirstRelease);
}

/// <summary>The one algorithm behind the vintage questions; both stores feed it.</summary>
public static class VintageAnswers
{
    /// <summary>The vintages of one commitment's or target's figure, or of an outcome indicator's value for a period, from the stream's events.</summary>
    /// <param name="subjectId">The commitment, target or indicator.</param>
    /// <param name="history">All the stream's events.</param>
    /// <param name="query">The question.</param>
    /// <returns>The vintages, in known order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The stream has no events or states no figure (<c>subjectId</c>), or never states the figure asked for
    /// (<c>figure</c>); an indicator has no value for the period asked, or several end on the date (<c>period</c>).</exception>
    public static IReadOnlyList<FigureVintage> OfStream(StreamId subjectId, IReadOnlyList<RecordedEvent> history, VintagesQuery query)
    {
        Guard.Against.Null(subjectId);
        Guard.Against.Null(history);
        Guard.Against.Null(query);
        if (history.Count > 0 && history[0].Data is Outcomes.IndicatorDefined)
        {
            return OfIndicator(subjectId, history, query);
        }

        var stated = history.Select(e => ChangeClassification.FigureOf(e.Data)?.Figure).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (stated.Count == 0)
        {
            throw new ArgumentException($"{subjectId} is not a commitment, recruitment target or outcome indicator this store holds: it states no figure.", nameof(subjectId));
        }

        var figure = query.Figure ?? (stated.Contains(Figures.Amount) ? Figures.Amount : Figures.Headcount);
        if (!stated.Contains(figure))
        {
            throw new ArgumentException($"{subjectId} never states the figure '{figure}' (it states {string.Join(", ", stated.Order(StringComparer.Ordinal))}).", "figure");
        }

        return Select(history, figure, query.AsOf, query.Selection,
            at => ChangeAnswers.ValueOf(history.Where(e => e.KnownFrom <= at), figure, "", query.AsOf));
    }

    /// <summary>
    /// The vintages of an outcome indicator's value for one period: at each instant a release or revision of it became
    /// known, the latest release then (as <see cref="Outcomes.OutcomeIndicator"/> folds them), its count as the value.
    /// </summary>
    private static IReadOnlyList<FigureVintage> OfIndicator(StreamId subjectId, IReadOnlyList<RecordedEvent> history, VintagesQuery query)
    {
        if (query.Figure is not null)
        {
            throw new ArgumentException($"{subjectId} is an outcome indicator: its vintages are its value's releases for a period; leave the figure out (was '{query.Figure}').", "figure");
        }

        static Outcomes.CountPeriod? PeriodOf(IBorderSecurityEvent e) => e switch
        {
            Outcomes.OutcomeReleased r => r.Period,
            Outcomes.OutcomeRevised r => r.Period,
            _ => null,
        };
        var periods = history.Select(e => PeriodOf(e.Data)).OfType<Outcomes.CountPeriod>().Distinct().Order().ToList();
        Outcomes.CountPeriod period;
        if (query.Period is { } asked)
        {
            period = periods.Contains(asked)
                ? asked
                : throw new ArgumentException($"{subjectId} has no value for {asked}.", "period");
        }
        else
        {
            var ending = periods.Where(p => p.To == query.AsOf).ToList();
            period = ending.Count == 1
                ? ending[0]
                : throw new ArgumentException(ending.Count == 0
                    ? $"{subjectId} has no value whose period ends on {query.AsOf:yyyy-MM-dd}; ask as of a period's last day or name the period."
                    : $"{subjectId} has {ending.Count} values whose periods end on {query.AsOf:yyyy-MM-dd} ({string.Join(", ", ending)}); name the period.", "period");
        }

        var counting = history.Where(e => e.ValidOn <= query.AsOf && PeriodOf(e.Data) == period).ToList();
        var result = new List<FigureVintage>();
        foreach (var at in counting.Select(e => e.KnownFrom).Distinct().Order())
        {
            var release = history.Where(e => e.KnownFrom <= at && e.ValidOn <= query.AsOf)
                .Aggregate((Outcomes.OutcomeIndicator?)null, (state, e) => Outcomes.OutcomeIndicator.Evolve(state, e.Data))?
                .ValueFor(period)?.Latest;
            if (release is null)
            {
                continue;
            }

            var (kinds, sources) = MadeAt(counting, at);
            result.Add(new FigureVintage(at, release.Count, result.Count == 0, kinds, sources) { Release = release });
        }

        return query.Selection switch
        {
            VintageSelection.FirstRelease => [.. result.Take(1)],
            VintageSelection.RevisionsOnly => [.. result.Skip(1)],
            _ => result,
        };
    }

    /// <summary>The vintages of a value computed by a store at each instant its events became known.</summary>
    /// <param name="events">The events the value is made of (all of them; those dated after the question's date are left out here).</param>
    /// <param name="valueAt">The value as of the question's date, as known at an instant.</param>
    /// <param name="query">The question.</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The vintages, in known order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<IReadOnlyList<FigureVintage>> OfAsync(IReadOnlyList<RecordedEvent> events, Func<Instant, Task<decimal?>> valueAt, VintagesQuery query,
        CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(events);
        Guard.Against.Null(valueAt);
        Guard.Against.Null(query);
        var values = new Dictionary<Instant, decimal?>();
        foreach (var at in events.Where(e => e.ValidOn <= query.AsOf).Select(e => e.KnownFrom).Distinct().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            values[at] = await valueAt(at).ConfigureAwait(false);
        }

        return Select(events, null, query.AsOf, query.Selection, at => values[at]);
    }

    /// <summary>What made a vintage: the kind of each event that became known at <paramref name="at"/>, in log order, and their sources, each once.</summary>
    internal static (IReadOnlyList<ChangeKind> Kinds, IReadOnlyList<SourceReference> Sources) MadeAt(IEnumerable<RecordedEvent> counting, Instant at)
    {
        var known = counting.Where(e => e.KnownFrom == at).OrderBy(e => e.Sequence).ToList();
        var sources = new List<SourceReference>();
        foreach (var source in known.SelectMany(e => e.Data.Provenance.Sources))
        {
            if (!sources.Contains(source))
            {
                sources.Add(source);
            }
        }

        return ([.. known.Select(e => ChangeClassification.Of(e.Data))], sources);
    }

    private static IReadOnlyList<FigureVintage> Select(IReadOnlyList<RecordedEvent> events, string? figure, LocalDate asOf, VintageSelection selection,
        Func<Instant, decimal?> valueAt)
    {
        var counting = events.Where(e => e.ValidOn <= asOf && (figure is null || ChangeClassification.FigureOf(e.Data) is { } f && f.Figure == figure)).ToList();
        var result = new List<FigureVintage>();
        decimal? last = null;
        foreach (var at in counting.Select(e => e.KnownFrom).Distinct().Order())
        {
            var value = valueAt(at);
            if ((result.Count == 0 && value is null) || (result.Count > 0 && value == last))
            {
                continue;
            }

            var (kinds, sources) = MadeAt(counting, at);
            result.Add(new FigureVintage(at, value, result.Count == 0, kinds, sources));
            last = value;
        }

        return selection switch
        {
            VintageSelection.FirstRelease => [.. result.Take(1)],
            VintageSelection.RevisionsOnly => [.. result.Skip(1)],
            _ => result,
        };
    }
}
