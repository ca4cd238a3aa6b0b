using BorderSecurity.Domain.Commands;
using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Legislative;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Projections;

/// <summary>
/// The in-memory projection that answers every question on both time axes without refolding whole streams: the part of
/// <see cref="Storage.InMemoryBorderSecurityStore"/> that answers its questions (documented on
/// <see cref="Storage.IBorderSecurityQueries"/>). Feed it recorded events (in any order, each once: a repeated sequence
/// number is ignored); ask it questions. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Money and headcounts are kept as <em>statements</em>: each event that states a figure (a pledge, a revision,
/// a correction, an allocation, an in-post count) becomes a row (fact, valid date, sequence, recorded instant,
/// value). A figure's value for a question is its latest row that counts, by valid date then sequence. A correction
/// is a row on the original valid date, recorded later: asked with a known-at before it, the old row wins; after
/// it, the correction does. Totals are sums of those values. This is the layout the Marten package keeps in
/// indexed tables.</para>
/// <para>Commands, legislation, disputes and outcome indicators are small per stream; their state is their aggregate's Evolve folded over the
/// stream's events that count, kept sorted by valid date.</para>
/// </remarks>
internal sealed partial class BorderSecurityProjection
{
    private readonly Lock _gate = new();
    private readonly SequenceSet _applied = new();
    private readonly Dictionary<string, FundingFacts> _funding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FundingFacts>> _fundingByRecipient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecruitmentFacts> _recruitment = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Statements<IBorderSecurityEvent>> _commands = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Statements<IBorderSecurityEvent>> _legislation = new(StringComparer.Ordinal);
    private readonly Statements<RecordedEvent> _timeline = new();

    /// <summary>The number of events applied.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _applied.Count;
            }
        }
    }

    /// <summary>Creates a projection over some events.</summary>
    /// <param name="events">The events, in any order.</param>
    /// <returns>The projection.</returns>
    public static BorderSecurityProjection Of(IEnumerable<RecordedEvent> events)
    {
        Guard.Against.Null(events);
        var projection = new BorderSecurityProjection();
        lock (projection._gate)
        {
            foreach (var e in events)
            {
                projection.ApplyLocked(Guard.Against.Null(e));
            }
        }

        return projection;
    }

    /// <summary>Applies one recorded event. An event whose sequence number was already applied is ignored.</summary>
    /// <param name="recorded">The event.</param>
    /// <returns><see langword="true"/> if applied, <see langword="false"/> if it had been applied before.</returns>
    public bool Apply(RecordedEvent recorded)
    {
        Guard.Against.Null(recorded);
        lock (_gate)
        {
            return ApplyLocked(recorded);
        }
    }

    private bool ApplyLocked(RecordedEvent recorded)
    {
        if (!_applied.Add(recorded.Sequence))
        {
            return false;
        }

        _timeline.Add(recorded, recorded);
        switch (EventCatalogue.AggregateOf(recorded.Data.GetType()))
        {
            case AggregateKind.FundingCommitment:
                var facts = Facts(_funding, recorded.StreamId);
                var creation = facts.Apply(recorded);
                if (creation is { Recipient: var recipient })
                {
                    Index(recipient, facts);
                }

                Invalidate(facts);
                break;
            case AggregateKind.RecruitmentTarget:
                Facts(_recruitment, recorded.StreamId).Apply(recorded);
                break;
            case var kind:
                var streams = kind switch
                {
                    AggregateKind.Command => _commands,
                    AggregateKind.Dispute => _disputes,
                    AggregateKind.OutcomeIndicator => _outcomes,
                    AggregateKind.Pledge => _pledges,
                    _ => _legislation,
                };
                if (!streams.TryGetValue(recorded.StreamId, out var stream))
                {
                    streams[recorded.StreamId] = stream = new Statements<IBorderSecurityEvent>();
                }

                stream.Add(recorded, recorded.Data);
                break;
        }

        return true;
    }

    /// <inheritdoc />
    public FundingPortfolio Funding(AsOfQuery query)
    {
        lock (_gate)
        {
            return OpenDisputes.Attach(Portfolio(query), DisputesLocked(query));
        }
    }

    /// <summary>The portfolio without its disputes (for series and overviews). Called under the lock.</summary>
    private FundingPortfolio Portfolio(AsOfQuery query) =>
        FundingPortfolio.Of(query, _funding.Values.Select(f => f.Position(query)).OfType<CommitmentPosition>());

    /// <inheritdoc />
    public FundingPortfolio FundingOf(string recipient, AsOfQuery query)
    {
        Guard.Against.Null(recipient);
        lock (_gate)
        {
            // A commitment's recipient is fixed when it is created; the index holds every stream ever created for the
            // recipient, and Position still decides whether the creation counts for this question.
            var facts = _fundingByRecipient.TryGetValue(recipient, out var list) ? list : [];
            return OpenDisputes.Attach(
                FundingPortfolio.Of(query, facts.Select(f => f.Position(query)).OfType<CommitmentPosition>().Where(c => c.Recipient == recipient)),
                DisputesLocked(query));
        }
    }

    /// <inheritdoc />
    public RecruitmentSummary Recruitment(AsOfQuery query)
    {
        lock (_gate)
        {
            return OpenDisputes.Attach(Summary(query), DisputesLocked(query));
        }
    }

    /// <summary>The recruitment summary without its disputes (for series and overviews). Called under the lock.</summary>
    private RecruitmentSummary Summary(AsOfQuery query) =>
        RecruitmentSummary.Of(query, _recruitment.Values.Select(f => f.Position(query)).OfType<TargetPosition>());

    /// <inheritdoc />
    public IReadOnlyList<Legislation> Legislation(AsOfQuery query)
    {
        lock (_gate)
        {
            return [.. _legislation.Values
                .Select(s => s.AllCounting(query).Aggregate((Legislation?)null, Legislative.Legislation.Evolve))
                .OfType<Legislation>()];
        }
    }

    /// <inheritdoc />
    public CommandOverview? Command(string commandId, AsOfQuery query)
    {
        Guard.Against.Null(commandId);
        lock (_gate)
        {
            var command = _commands.TryGetValue(commandId, out var stream)
                ? stream.AllCounting(query).Aggregate((Command?)null, Commands.Command.Evolve)
                : null;
            return OpenDisputes.Attach(Composition.Overview(command, query, Portfolio(query), Summary(query)), DisputesLocked(query));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TimelineEntry> Timeline(AsOfQuery query)
    {
        lock (_gate)
        {
            return [.. _timeline.AllCounting(query).Select(TimelineEntry.Of)];
        }
    }

    /// <summary>Funding (of one recipient, or all) as a time series up to the question's date (<see cref="Storage.IBorderSecurityQueries.FundingSeriesAsync"/>).</summary>
    public IReadOnlyList<SeriesPoint<FundingSeriesValue>> FundingSeries(string? recipient, AsOfQuery query)
    {
        lock (_gate)
        {
            IEnumerable<FundingFacts> facts = recipient is null ? _funding.Values : _fundingByRecipient.TryGetValue(recipient, out var list) ? list : [];
            return Series.Of(_funding.Values.SelectMany(f => f.ValidDates(query with { AsOf = default })).Where(d => d <= query.AsOf), date =>
            {
                var at = query with { AsOf = date };
                return FundingSeriesValue.Of(Projections.FundingTotals.Of(facts.Select(f => f.Position(at)).OfType<CommitmentPosition>()
                    .Where(c => recipient is null || c.Recipient == recipient)));
            }, FundingSeriesValue.None);
        }
    }

    /// <summary>Headcount target (of one organisation, or all) as a time series up to the question's date (<see cref="Storage.IBorderSecurityQueries.HeadcountSeriesAsync"/>).</summary>
    public IReadOnlyList<SeriesPoint<int>> HeadcountSeries(string? organisation, AsOfQuery query)
    {
        lock (_gate)
        {
            return Series.Of(_recruitment.Values.SelectMany(f => f.ValidDates(query with { AsOf = default })).Where(d => d <= query.AsOf), date =>
            {
                var at = query with { AsOf = date };
                return _recruitment.Values.Select(f => f.Position(at)).OfType<TargetPosition>()
                    .Where(t => organisation is null || t.Organisation == organisation).Sum(t => t.Headcount);
            }, 0);
        }
    }

    /// <summary>One target's people in post against its headcount as a time series (<see cref="Storage.IBorderSecurityQueries.TargetProgressSeriesAsync"/>).</summary>
    public IReadOnlyList<SeriesPoint<TargetProgress>> TargetProgressSeries(string targetId, AsOfQuery query)
    {
        lock (_gate)
        {
            return _recruitment.TryGetValue(targetId, out var facts)
                ? Series.Of(facts.ValidDates(query with { AsOf = default }).Where(d => d <= query.AsOf),
                    date => TargetProgress.Of(facts.Position(query with { AsOf = date })), TargetProgress.None)
                : [];
        }
    }

    private void Index(string recipient, FundingFacts facts)
    {
        if (!_fundingByRecipient.TryGetValue(recipient, out var list))
        {
            _fundingByRecipient[recipient] = list = [];
        }

        if (!facts.IndexedUnder.Contains(recipient, StringComparer.Ordinal))
        {
            facts.IndexedUnder.Add(recipient);
            list.Add(facts);
        }
    }

    private static T Facts<T>(Dictionary<string, T> facts, string streamId)
        where T : new()
    {
        if (!facts.TryGetValue(streamId, out var f))
        {
            facts[streamId] = f = new T();
        }

        return f;
    }

    /// <summary>
    /// The statements of one stream's figures, from the aggregate's one statement mapping
    /// (<see cref="FundingStatements"/>, <see cref="RecruitmentStatements"/>), keyed by (figure, dimension) with ordinal keys.
    /// </summary>
    /// <remarks>
    /// Looked up on every statement applied and several times for every position a question builds, so: a short array
    /// scanned by figure name (a stream states at most five figures, named by the <see cref="Figures"/> constants, so the
    /// ordinal comparison is nearly always a reference match), not a sorted tree of (figure, dimension) tuples (whose
    /// default comparer compares strings by culture); only a figure with dimensions (an allocation per capability) keeps
    /// them sorted, ordinally. Creation and period statements
    /// carry no value and are kept elsewhere (the creation rows; <c>_periods</c>), so no rows are kept for them here.
    /// </remarks>
    private sealed class FigureTable
    {
        private (string Figure, Statements<decimal?> Rows)[] _undimensioned = [];
        private Dictionary<string, Dimensions>? _dimensioned;

        public void Add(RecordedEvent recorded, IReadOnlyList<FigureStatement> statements)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (statement.Figure is Figures.Created or Figures.Period)
                {
                    continue;
                }

                Statements<decimal?>? rows;
                if (statement.Dimension.Length == 0)
                {
                    rows = Undimensioned(statement.Figure);
                    if (rows is null)
                    {
                        rows = new Statements<decimal?>();
                        _undimensioned = [.. _undimensioned, (statement.Figure, rows)];
                    }
                }
                else
                {
                    _dimensioned ??= new Dictionary<string, Dimensions>(StringComparer.Ordinal);
                    if (!_dimensioned.TryGetValue(statement.Figure, out var dimensions))
                    {
                        _dimensioned[statement.Figure] = dimensions = new Dimensions();
                    }

                    rows = dimensions.RowsOf(statement.Dimension);
                }

                rows.Add(recorded, statement.Value);
            }
        }

        public bool TryLatest(string figure, AsOfQuery query, out decimal? value)
        {
            value = null;
            return Undimensioned(figure) is { } rows && rows.TryLatest(query, out value);
        }

        public int CountCounting(string figure, AsOfQuery query) => Undimensioned(figure) is { } rows ? rows.CountCounting(query) : 0;

        /// <summary>
        /// The latest value of every dimension of a figure that is above zero, in ordinal order of the dimension (the empty
        /// dimension first), as capability amounts.
        /// </summary>
        public CapabilityAmount[] PositiveByDimension(string figure, AsOfQuery query)
        {
            List<CapabilityAmount>? amounts = null;
            if (Undimensioned(figure) is { } rows && rows.TryLatest(query, out var value) && value > 0m)
            {
                (amounts ??= []).Add(new CapabilityAmount("", Money.FromPounds(value.Value)));
            }

            if (_dimensioned is not null && _dimensioned.TryGetValue(figure, out var dimensions))
            {
                foreach (var (dimension, dimensionRows) in dimensions.Ordered)
                {
                    if (dimensionRows.TryLatest(query, out var latest) && latest > 0m)
                    {
                        (amounts ??= []).Add(new CapabilityAmount(dimension, Money.FromPounds(latest.Value)));
                    }
                }
            }

            return amounts is null ? [] : [.. amounts];
        }

        /// <summary>The latest statement of each spending line that counts (zero ones included), with its valid date.</summary>
        public IEnumerable<SpendingLine> SpendingLines(AsOfQuery query)
        {
            if (_dimensioned is null || !_dimensioned.TryGetValue(Figures.Spending, out var lines))
            {
                return [];
            }

            List<SpendingLine>? result = null;
            foreach (var (key, rows) in lines.Ordered)
            {
                if (rows.TryLatestWithDate(query, out var amount, out var statedOn))
                {
                    (result ??= []).Add(SpendingLine.FromKey(key, Money.FromPounds(amount ?? 0m), statedOn));
                }
            }

            return result ?? [];
        }

        /// <summary>
        /// One figure's rows per dimension, in ordinal order of the dimension. Every position a question builds reads them in
        /// that order: kept as an array (made again when a dimension is added, which is rare), as enumerating a sorted tree
        /// allocates its enumerator's stack every time.
        /// </summary>
        private sealed class Dimensions
        {
            private readonly Dictionary<string, Statements<decimal?>> _rows = new(StringComparer.Ordinal);
            private KeyValuePair<string, Statements<decimal?>>[]? _ordered;

            /// <summary>The dimension's rows, added when first stated.</summary>
            public Statements<decimal?> RowsOf(string dimension)
            {
                if (!_rows.TryGetValue(dimension, out var rows))
                {
                    _rows[dimension] = rows = new Statements<decimal?>();
                    _ordered = null;
                }

                return rows;
            }

            /// <summary>Every dimension with its rows, in ordinal order of the dimension.</summary>
            public KeyValuePair<string, Statements<decimal?>>[] Ordered =>
                _ordered ??= [.. _rows.OrderBy(r => r.Key, StringComparer.Ordinal)];
        }

        private Statements<decimal?>? Undimensioned(string figure)
        {
            foreach (var (name, rows) in _undimensioned)
            {
                if (string.Equals(name, figure, StringComparison.Ordinal))
                {
                    return rows;
                }
            }

            return null;
        }
    }

    private sealed class FundingFacts
    {
        private readonly Statements<CommitmentCreation> _creation = new();
        private readonly FigureTable _figures = new();
        private readonly Statements<FundingPeriod> _periods = new();
        private readonly Citations _citations = new();

        /// <summary>The recipients this commitment is indexed under (one, unless a creation was restated with another).</summary>
        public List<string> IndexedUnder { get; } = new(1);

        /// <summary>Applies one of the commitment's events; returns the creation it states, if it states one.</summary>
        public CommitmentCreation? Apply(RecordedEvent recorded)
        {
            _citations.Add(recorded);
            var creation = FundingStatements.CreationOf(recorded.Data);
            if (creation is not null)
            {
                _creation.Add(recorded, creation);
            }

            _figures.Add(recorded, FundingStatements.Of(recorded.Data));
            if (FundingStatements.PeriodOf(recorded.Data) is { } period)
            {
                _periods.Add(recorded, period);
            }

            return creation;
        }

        public IEnumerable<LocalDate> ValidDates(AsOfQuery knowledge) => _citations.ValidDates(knowledge);

        /// <summary>
        /// What the commitment adds to the totals as known now, from each valid date it changes (its events' dates), as
        /// <see cref="Position"/> would give it on that date: its recipient then and its share, or none. Cached until the
        /// commitment's next event (<see cref="Changed"/>).
        /// </summary>
        public IReadOnlyList<FundingContribution> Contributions =>
            _contributions ??= [.. ValidDates(new AsOfQuery(LocalDate.MaxIsoValue)).Distinct().Order().Select(date =>
            {
                var share = ShareAt(new AsOfQuery(date));
                return new FundingContribution(date, share?.Recipient, share?.Share);
            })];

        private IReadOnlyList<FundingContribution>? _contributions;

        /// <summary>What the commitment adds to the totals from one valid date, as a question (on both axes) knows it.</summary>
        public FundingContribution ContributionAt(AsOfQuery query) =>
            ShareAt(query) is { } share ? new FundingContribution(query.AsOf, share.Recipient, share.Share) : new FundingContribution(query.AsOf, null, null);

        /// <summary>Forgets the cached <see cref="Contributions"/>: the commitment has a new event.</summary>
        public void Changed() => _contributions = null;

        /// <summary>
        /// The changes the commitment makes to the totals at each instant its events became known
        /// (<see cref="FundingContributions.AsKnown"/>), by the one rule (<see cref="ChangesAsKnownOf"/>), from its events'
        /// known-from instants and valid dates as its citations keep them.
        /// </summary>
        public IReadOnlyList<KnownFundingTotalsChange> KnownChanges() => ChangesAsKnown(this, _citations.KnownDates());

        /// <summary>
        /// The known changes every kept scope of the totals as known at an instant counts for this commitment; none when
        /// no scope counts it yet (worked out when one is built).
        /// </summary>
        public IReadOnlyList<KnownFundingTotalsChange>? CountedKnownChanges { get; set; }

        // The position's figures that totals read, by the one rule (Positions.Commitment), without its sources or spending.
        private (string Recipient, FundingShare Share)? ShareAt(AsOfQuery query) =>
            Positions.Commitment(Latest(query, forTotals: true)) is { } position
                ? (position.Recipient, new FundingShare(position.Origin.Kind, position.Basis, position.Amount, position.Allocated, position.Period))
                : null;

        public CommitmentPosition? Position(AsOfQuery query) => Positions.Commitment(Latest(query, forTotals: false));

        // The latest figures for the question; for totals, without the spending and the sources (most of a position's cost).
        private LatestCommitmentFigures Latest(AsOfQuery query, bool forTotals)
        {
            var created = _creation.TryLatestWithDate(query, out var creation, out var createdOn);
            var whole = created && !forTotals;
            return new LatestCommitmentFigures
            {
                Creation = created ? creation : null,
                CreatedOn = createdOn,
                Amount = _figures.TryLatest(Figures.Amount, query, out var amount) ? amount : null,
                IsWithdrawn = _figures.TryLatest(Figures.Withdrawn, query, out _),
                Period = _periods.TryLatest(query, out var period) ? period : null,
                Allocations = created ? _figures.PositiveByDimension(Figures.Allocation, query) : [],
                Spending = whole ? _figures.SpendingLines(query) : [],
                // Read only where there can be a position.
                Sources = whole ? _citations.Sources(query) : [],
            };
        }
    }

    private sealed class RecruitmentFacts
    {
        private readonly Statements<TargetCreation> _creation = new();
        private readonly FigureTable _figures = new();
        private readonly Citations _citations = new();

        public void Apply(RecordedEvent recorded)
        {
            _citations.Add(recorded);
            if (RecruitmentStatements.CreationOf(recorded.Data) is { } creation)
            {
                _creation.Add(recorded, creation);
            }

            _figures.Add(recorded, RecruitmentStatements.Of(recorded.Data));
        }

        public IEnumerable<LocalDate> ValidDates(AsOfQuery knowledge) => _citations.ValidDates(knowledge);

        public TargetPosition? Position(AsOfQuery query)
        {
            var set = _creation.TryLatest(query, out var creation);
            return Positions.Target(new LatestTargetFigures
            {
                Creation = set ? creation : null,
                Headcount = _figures.TryLatest(Figures.Headcount, query, out var headcount) ? headcount : null,
                InPost = _figures.TryLatest(Figures.InPost, query, out var inPost) ? inPost : null,
                Basis = _figures.TryLatest(Figures.Basis, query, out var basis) ? basis : null,
                IsMet = _figures.TryLatest(Figures.Met, query, out _),
                IsAbandoned = _figures.TryLatest(Figures.Abandoned, query, out _),
                Reannouncements = _figures.CountCounting(Figures.Reannounced, query),
                // Most of a position's cost: read only where there can be a position.
                Sources = set ? _citations.Sources(query) : [],
            });
        }
    }
}
