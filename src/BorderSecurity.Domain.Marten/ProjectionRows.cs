using BorderSecurity.Domain.Funding;
using BorderSecurity.Domain.Projections;
using BorderSecurity.Domain.Recruitment;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// One row of <c>bsd_events</c>: an event's place on both time axes (valid date; known-from and recorded instants), under
/// its tenant (the value of <see cref="BorderSecurityTables.TenantColumn"/>), with the JSON of the provenance its hash names.
/// </summary>
internal sealed record EventRow(
    string Tenant, long Sequence, string StreamId, string Aggregate, string EventType, LocalDate ValidOn, Instant KnownFrom, Instant RecordedAt,
    string ProvenanceHash, string ProvenanceJson)
{
    /// <summary>The <c>bsd_provenances</c> row of the event's provenance.</summary>
    public ProvenanceRow Provenance => new(Tenant, ProvenanceHash, ProvenanceJson);
}

/// <summary>One row of <c>bsd_statements</c>: a statement of one figure (see docs/projections.md).</summary>
internal sealed record StatementRow(
    string Tenant, long Sequence, string StreamId, string Aggregate, string Figure, string Dimension, LocalDate ValidOn, Instant KnownFrom,
    Instant RecordedAt, decimal? Value, string? Detail);

/// <summary>
/// One row of <c>bsd_funding_totals</c>: a sum of changes to the funding totals of a scope (a recipient, or every commitment)
/// over one span of valid dates (a day, a month or a calendar year, starting on <paramref name="ValidFrom"/>: see
/// <see cref="BorderSecurityTables.FundingTotalsTable.Day"/>) and one span of known-from instants (every instant, for the
/// totals known now; or a UTC year or month, or one instant, starting at <paramref name="KnownFrom"/>: see
/// <see cref="BorderSecurityTables.FundingTotalsTable.KnownNow"/>), for amounts that split by one origin, basis and period
/// (key columns never null: see <see cref="BorderSecurityTables.FundingTotalsTable.None"/>).
/// </summary>
internal sealed record FundingTotalsRow(
    string Tenant, string Scope, string KnownSpan, string Span, LocalDate ValidFrom, Instant KnownFrom, string Origin, string Basis, string Coverage,
    string FirstYear, string LastYear, decimal Amount, decimal Allocated)
{
    /// <summary>The key columns after the tenant: what rows are summed by.</summary>
    public (string Scope, string KnownSpan, string Span, LocalDate ValidFrom, Instant KnownFrom, string Origin, string Basis, string Coverage, string FirstYear,
        string LastYear) Key => (Scope, KnownSpan, Span, ValidFrom, KnownFrom, Origin, Basis, Coverage, FirstYear, LastYear);

    /// <summary>
    /// Rows in primary-key order (tenant, then the key; ordinal text, dates and instants in order): the order writers add to
    /// rows in (one lock order) and a rebuild writes them in (a scope's rows together on few pages).
    /// </summary>
    public static IComparer<FundingTotalsRow> KeyOrder { get; } = Comparer<FundingTotalsRow>.Create((x, y) =>
    {
        var order = string.CompareOrdinal(x.Tenant, y.Tenant);
        order = order != 0 ? order : string.CompareOrdinal(x.Scope, y.Scope);
        order = order != 0 ? order : string.CompareOrdinal(x.KnownSpan, y.KnownSpan);
        order = order != 0 ? order : string.CompareOrdinal(x.Span, y.Span);
        order = order != 0 ? order : x.ValidFrom.CompareTo(y.ValidFrom);
        order = order != 0 ? order : x.KnownFrom.CompareTo(y.KnownFrom);
        order = order != 0 ? order : string.CompareOrdinal(x.Origin, y.Origin);
        order = order != 0 ? order : string.CompareOrdinal(x.Basis, y.Basis);
        order = order != 0 ? order : string.CompareOrdinal(x.Coverage, y.Coverage);
        order = order != 0 ? order : string.CompareOrdinal(x.FirstYear, y.FirstYear);
        return order != 0 ? order : string.CompareOrdinal(x.LastYear, y.LastYear);
    });
}

/// <summary>One row of <c>bsd_provenances</c>: a provenance's JSON under the SHA-256 of that JSON.</summary>
internal sealed record ProvenanceRow(string Tenant, string Hash, string Json);

/// <summary>One row of <c>bsd_commitment_recipients</c>: a commitment created for a recipient.</summary>
internal sealed record RecipientRow(string Tenant, string Recipient, string StreamId);

/// <summary>One row of <c>bsd_idempotency</c>: the versions a key stored on its stream, and its request's fingerprint (null before fingerprints).</summary>
internal sealed record IdempotencyRow(string Tenant, string Key, string StreamId, long FromVersion, long ToVersion, string? Fingerprint);

/// <summary>Turns recorded events into the rows of the projection tables from the domain's one statement mapping. Pure: shared by the inline projection and the rebuild.</summary>
internal static class ProjectionRows
{
    public const string Funding = "funding";
    public const string Recruitment = "recruitment";
    public const string Command = "command";
    public const string Legislation = "legislation";
    public const string Dispute = "dispute";
    public const string Outcome = "outcome";
    public const string Pledge = "pledge";

    // The figure names come from the domain's statement mapping (Figures); kept here as the names the SQL uses.
    public const string Created = Figures.Created;
    public const string Amount = Figures.Amount;
    public const string Allocation = Figures.Allocation;
    public const string Withdrawn = Figures.Withdrawn;
    public const string Period = Figures.Period;
    public const string Headcount = Figures.Headcount;
    public const string InPost = Figures.InPost;
    public const string Met = Figures.Met;
    public const string Abandoned = Figures.Abandoned;
    public const string Reannounced = Figures.Reannounced;
    public const string Basis = Figures.Basis;
    public const string Spending = Figures.Spending;

    /// <summary>Every aggregate's name in the tables, one per <see cref="AggregateKind"/>.</summary>
    public static readonly string[] Aggregates = [.. Enum.GetValues<AggregateKind>().Select(NameOf)];

    public static string AggregateOf(IBorderSecurityEvent e) => NameOf(EventCatalogue.AggregateOf(e.GetType()));

    private static string NameOf(AggregateKind kind) => kind switch
    {
        AggregateKind.FundingCommitment => Funding,
        AggregateKind.RecruitmentTarget => Recruitment,
        AggregateKind.Command => Command,
        AggregateKind.Dispute => Dispute,
        AggregateKind.OutcomeIndicator => Outcome,
        AggregateKind.Pledge => Pledge,
        AggregateKind.Legislation => Legislation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An aggregate kind without a name in the tables."),
    };

    public static EventRow EventRowOf(string tenant, RecordedEvent e) => EventRowOf(tenant, e, ProvenanceOf(e.Data.Provenance));

    /// <summary>The event's row, with its provenance's key and JSON already worked out (<see cref="ProvenanceOf"/>).</summary>
    public static EventRow EventRowOf(string tenant, RecordedEvent e, (string Hash, string Json) provenance) =>
        new(tenant, e.Sequence, e.StreamId, AggregateOf(e.Data), e.EventName, e.ValidOn, e.KnownFrom, e.RecordedAt, provenance.Hash, provenance.Json);

    /// <summary>
    /// A provenance as <c>bsd_provenances</c> keeps it: its JSON, and the SHA-256 of that JSON (lower-case hex) that
    /// rows refer to it by. Equal provenances give equal JSON, so a caller may reuse the pair for an equal provenance.
    /// </summary>
    public static (string Hash, string Json) ProvenanceOf(Provenance provenance)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(provenance, DetailJson.Provenance);
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))), json);
    }

    /// <summary>The recipient a commitment is created for, or <see langword="null"/> if the event creates no commitment.</summary>
    public static RecipientRow? RecipientOf(string tenant, RecordedEvent e) =>
        FundingStatements.CreationOf(e.Data) is { Recipient: var recipient } ? new RecipientRow(tenant, recipient, e.StreamId) : null;

    /// <summary>
    /// The rows of what an event states: the domain's one statement mapping (<see cref="EventStatements.Of"/>), each row
    /// stamped with the event's place on both axes; a creation row carries the creation's fixed attributes as JSON.
    /// </summary>
    public static IEnumerable<StatementRow> StatementsOf(string tenant, RecordedEvent e)
    {
        var aggregate = AggregateOf(e.Data);
        foreach (var statement in EventStatements.Of(e.Data))
        {
            var detail = statement.Figure == Figures.Created ? CreationDetail(e.Data)
                : statement.Figure == Figures.Period ? PeriodDetail(e.Data)
                : null;
            yield return new StatementRow(tenant, e.Sequence, e.StreamId, aggregate, statement.Figure, statement.Dimension, e.ValidOn, e.KnownFrom, e.RecordedAt,
                statement.Value, detail);
        }
    }

    /// <summary>
    /// The rows of some changes to the funding totals, each stamped with the instant it became known
    /// (<see cref="FundingContributions.AsKnown"/>, or what a write changes:
    /// <see cref="FundingContributions.Between(IReadOnlyList{KnownFundingTotalsChange}, IReadOnlyList{KnownFundingTotalsChange})"/>),
    /// summed (<see cref="FundingTotalsSums"/>), sums of nothing left out, ordered by key (so that transactions adding to the
    /// same rows lock them in one order).
    /// </summary>
    public static IReadOnlyList<FundingTotalsRow> TotalsRowsOf(string tenant, IEnumerable<KnownFundingTotalsChange> changes)
    {
        var sums = new FundingTotalsSums();
        foreach (var change in changes)
        {
            sums.Add(change);
        }

        return sums.RowsOf(tenant);
    }

    /// <summary>What a period row carries: the period the event states, as the model's JSON.</summary>
    private static string PeriodDetail(IBorderSecurityEvent e) =>
        System.Text.Json.JsonSerializer.Serialize(
            FundingStatements.PeriodOf(e) ?? throw new InvalidOperationException($"{e.GetType().Name} states a period but its aggregate's mapping gives none."),
            DetailJson.Provenance);

    private static string CreationDetail(IBorderSecurityEvent e) =>
        FundingStatements.CreationOf(e) is { } commitment
            ? System.Text.Json.JsonSerializer.Serialize(
                new CommitmentDetail(commitment.Recipient, commitment.OriginKind, commitment.OriginName, commitment.Basis), DetailJson.Options)
            : RecruitmentStatements.CreationOf(e) is { } target
                ? System.Text.Json.JsonSerializer.Serialize(
                    new TargetDetail(target.TargetId, target.Organisation, target.Role, target.Deadline?.ToString("yyyy-MM-dd", null)), DetailJson.Options)
                : throw new InvalidOperationException($"{e.GetType().Name} states a creation but its aggregate's mapping gives none.");
}

/// <summary>What a commitment's creation row carries: the attributes that never change.</summary>
internal sealed record CommitmentDetail(string Recipient, FundingOriginKind OriginKind, string? OriginName, FundingBasis Basis);

/// <summary>What a target's creation row carries.</summary>
internal sealed record TargetDetail(string TargetId, string Organisation, string Role, string? Deadline);

internal static class DetailJson
{
    /// <summary>How provenances are written to <c>bsd_provenances</c> and read back: the model's own converters and NodaTime's.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Provenance = BorderSecurity.Domain.Serialization.BorderSecurityJson.ConfigureForBorderSecurity(
        NodaTime.Serialization.SystemTextJson.Extensions.ConfigureForNodaTime(new System.Text.Json.JsonSerializerOptions(), DateTimeZoneProviders.Tzdb));

    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>
/// Changes to the funding totals summed into the rows of <c>bsd_funding_totals</c> of one tenant: each change under its
/// recipient and under the portfolio, in every row <see cref="BorderSecurityTables.FundingTotalsTable.CellsOf"/> gives.
/// Keyed by value types but the recipient (a rebuild sums a row per change and cell, hundreds of thousands at 100,000
/// events), turned into rows with their text columns once per row at the end.
/// </summary>
internal sealed class FundingTotalsSums
{
    private readonly Dictionary<Key, (decimal Amount, decimal Allocated)> _sums = [];

    /// <summary>Adds one change to each of its rows.</summary>
    public void Add(KnownFundingTotalsChange known)
    {
        var (instant, change) = known;
        var period = change.Period;
        var (first, last) = (period.FirstYear?.StartYear ?? -1, period.LastYear?.StartYear ?? -1);
        foreach (var scope in new[] { change.Recipient, BorderSecurityTables.FundingTotalsTable.PortfolioScope })
        {
            foreach (var (cell, from, knownFrom) in BorderSecurityTables.FundingTotalsTable.CellsOf(change.From, instant,
                portfolio: scope.Length == 0))
            {
                Add(new Key(scope, cell, from, knownFrom, change.Origin, change.Basis, period.Coverage, first, last), change.Amount, change.Allocated);
            }
        }
    }

    /// <summary>Adds another thread's sums of the same tenant (a rebuild sums on several threads).</summary>
    public void Add(FundingTotalsSums other)
    {
        foreach (var (key, (amount, allocated)) in other._sums)
        {
            Add(key, amount, allocated);
        }
    }

    /// <summary>The rows whose sums are not nothing, in key order (<see cref="FundingTotalsRow.KeyOrder"/>).</summary>
    public IReadOnlyList<FundingTotalsRow> RowsOf(string tenant)
    {
        var none = BorderSecurityTables.FundingTotalsTable.None;
        var kept = _sums.Where(s => s.Value != (0m, 0m)).ToArray();
        // Sorted by the keys' values in the order of their text columns (KeyOrder's), then each row's text made once.
        Array.Sort(kept, (x, y) => KeyOrder.Compare(x.Key, y.Key));
        var years = new Dictionary<int, string> { [-1] = none };
        var rows = new FundingTotalsRow[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            var (k, (amount, allocated)) = (kept[i].Key, kept[i].Value);
            var (knownSpan, span) = BorderSecurityTables.FundingTotalsTable.Cells[k.Cell];
            rows[i] = new FundingTotalsRow(tenant, k.Scope, knownSpan, span, k.ValidFrom, k.KnownFrom, k.Origin.ToString(), k.Basis.ToString(),
                CoverageText(k.Coverage), Year(k.FirstYear), Year(k.LastYear), amount, allocated);
        }

        return rows;

        string Year(int start)
        {
            if (!years.TryGetValue(start, out var text))
            {
                years[start] = text = new FinancialYear(start).ToString();
            }

            return text;
        }
    }

    /// <summary>What the coverage column holds: the coverage's name, or <see cref="BorderSecurityTables.FundingTotalsTable.None"/> where the period states none.</summary>
    private static string CoverageText(FundingCoverage coverage) =>
        coverage == FundingCoverage.NotStated ? BorderSecurityTables.FundingTotalsTable.None : coverage.ToString();

    private void Add(Key key, decimal amount, decimal allocated)
    {
        ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sums, key, out _);
        sum = (sum.Amount + amount, sum.Allocated + allocated);
    }

    private static readonly int[] CellRank = RankOfCells();

    private static readonly int[] OriginRank = RankByText<FundingOriginKind>(o => o.ToString());
    private static readonly int[] BasisRank = RankByText<FundingBasis>(b => b.ToString());
    private static readonly int[] CoverageRank = RankByText<FundingCoverage>(CoverageText);

    // The keys in the order of their rows' text columns (ordinal, as FundingTotalsRow.KeyOrder and the primary key): the
    // cells by their spans' text, enums by their names, no year ('') before any year (whose text sorts as its number).
    private static readonly Comparer<Key> KeyOrder = Comparer<Key>.Create((x, y) =>
    {
        var order = string.CompareOrdinal(x.Scope, y.Scope);
        order = order != 0 ? order : CellRank[x.Cell].CompareTo(CellRank[y.Cell]);
        order = order != 0 ? order : x.ValidFrom.CompareTo(y.ValidFrom);
        order = order != 0 ? order : x.KnownFrom.CompareTo(y.KnownFrom);
        order = order != 0 ? order : OriginRank[(int)x.Origin].CompareTo(OriginRank[(int)y.Origin]);
        order = order != 0 ? order : BasisRank[(int)x.Basis].CompareTo(BasisRank[(int)y.Basis]);
        order = order != 0 ? order : CoverageRank[(int)x.Coverage].CompareTo(CoverageRank[(int)y.Coverage]);
        order = order != 0 ? order : x.FirstYear.CompareTo(y.FirstYear);
        return order != 0 ? order : x.LastYear.CompareTo(y.LastYear);
    });

    private static int[] RankOfCells()
    {
        var cells = BorderSecurityTables.FundingTotalsTable.Cells;
        var ordered = Enumerable.Range(0, cells.Count).OrderBy(c => cells[c].KnownSpan, StringComparer.Ordinal).ThenBy(c => cells[c].Span, StringComparer.Ordinal).ToList();
        return [.. Enumerable.Range(0, cells.Count).Select(c => ordered.IndexOf(c))];
    }

    // Each value of an enum (by its number) ranked by the text its column holds.
    private static int[] RankByText<T>(Func<T, string> text)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var ranks = new int[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        var ordered = values.OrderBy(text, StringComparer.Ordinal).ToList();
        foreach (var value in values)
        {
            ranks[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = ordered.IndexOf(value);
        }

        return ranks;
    }

    private readonly record struct Key(string Scope, int Cell, LocalDate ValidFrom, Instant KnownFrom, FundingOriginKind Origin, FundingBasis Basis,
        FundingCoverage Coverage, int FirstYear, int LastYear);
}
