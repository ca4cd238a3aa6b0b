using NpgsqlTypes;
using Weasel.Core;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The model's tables in the store's schema, each defined once (<see cref="TableModel{TRow}"/>): <c>bsd_events</c> (every
/// event on both time axes), <c>bsd_statements</c> (every statement of a figure), <c>bsd_provenances</c> (each distinct
/// provenance once), <c>bsd_commitment_recipients</c> (the commitments of each recipient), <c>bsd_idempotency</c> (the
/// idempotency keys) and <c>bsd_database_tenants</c>, with the indexes the as-of queries use.
/// </summary>
/// <remarks>
/// The DDL these give is the DDL of the version before the table model, column for column and index for index
/// (a test compares it with the checked-in DDL of 0.2.0), so a database written by it needs no migration.
/// </remarks>
internal sealed class BorderSecurityTables(string schema)
{
    /// <summary>
    /// The tenant column every table but <c>bsd_database_tenants</c> starts with (first in every key and index): the
    /// Marten tenant a row belongs to under conjoined event tenancy, <see cref="JasperFx.StorageConstants.DefaultTenantId"/>
    /// otherwise (one tenant per database, or no tenancy), so the default path pays one equality on each index's leading column.
    /// </summary>
    public const string TenantColumn = "tenant_id";

    /// <summary>
    /// The instants of <c>bsd_events</c> and <c>bsd_statements</c>, named alike in both so that one condition on them
    /// ("as known at", "as recorded by") serves a question over either table.
    /// </summary>
    public const string KnownFromColumn = "known_from";

    /// <inheritdoc cref="KnownFromColumn"/>
    public const string RecordedAtColumn = "recorded_at";

    /// <summary>The value of the tenant column for a Marten tenant: the tenant itself under conjoined event tenancy, else the default tenant.</summary>
    public static string TenantKeyOf(global::Marten.IReadOnlyStoreOptions options, string? tenantId) =>
        options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined && tenantId is not null
            ? tenantId
            : JasperFx.StorageConstants.DefaultTenantId;

    public string Schema => schema;

    public EventsTable Events { get; } = new(schema);

    public StatementsTable Statements { get; } = new(schema);

    public ProvenancesTable Provenances { get; } = new(schema);

    /// <summary><c>bsd_commitment_recipients</c>: which commitments each recipient was ever given (a recipient never changes once a commitment is created).</summary>
    public RecipientsTable Recipients { get; } = new(schema);

    public IdempotencyTable Idempotency { get; } = new(schema);

    /// <summary>The tenants whose model has used this schema in this database (see MartenBorderSecurityStore.DatabaseAsync).</summary>
    public DatabaseTenantsTable DatabaseTenants { get; } = new(schema);

    /// <summary><c>bsd_funding_totals</c>: the funding totals as known now, kept as sums of changes per valid date (issue #24).</summary>
    public FundingTotalsTable FundingTotals { get; } = new(schema);

    /// <summary><c>bsd_funding_totals_kept</c>: the tenants whose <see cref="FundingTotals"/> count every funding event.</summary>
    public TotalsKeptTable TotalsKept { get; } = new(schema);

    /// <summary>Every table as a Weasel schema object, in the order Marten creates them.</summary>
    public IEnumerable<ISchemaObject> All =>
        [Events.ToTable(), Statements.ToTable(), Idempotency.ToTable(), Provenances.ToTable(), Recipients.ToTable(), DatabaseTenants.ToTable(),
         FundingTotals.ToTable(), TotalsKept.ToTable()];

    /// <summary>The names of every table, schema-qualified.</summary>
    public IEnumerable<string> Names =>
        [Events.QualifiedName, Statements.QualifiedName, Idempotency.QualifiedName, Provenances.QualifiedName, Recipients.QualifiedName, DatabaseTenants.QualifiedName,
         FundingTotals.QualifiedName, TotalsKept.QualifiedName];

    /// <summary>The tables a rebuild refills from the log (the projection tables; not the idempotency keys or the tenants).</summary>
    public string RebuiltTables => string.Join(", ", Events, Statements, Provenances, Recipients, FundingTotals);

    /// <summary>The indexes other than primary keys, with the DDL that creates each (what a rebuild drops and builds again).</summary>
    public IEnumerable<(string Name, string Ddl)> SecondaryIndexes
    {
        get
        {
            foreach (var table in new[] { Events.ToTable(), Statements.ToTable(), FundingTotals.ToTable() })
            {
                foreach (var index in table.Indexes)
                {
                    yield return (index.Name, index.ToDDL(table));
                }
            }
        }
    }

    /// <summary><c>bsd_events</c>: one row per event, on both time axes.</summary>
    internal sealed class EventsTable : TableModel<EventRow>
    {
        public EventsTable(string schema)
            : base(schema, "bsd_events")
        {
            TenantId = AddTenant(r => r.Tenant);
            Seq = Add("seq", "bigint", NpgsqlDbType.Bigint, r => r.Sequence, key: true);
            StreamId = Add("stream_id", "varchar", NpgsqlDbType.Text, r => r.StreamId);
            Aggregate = Add("aggregate", "varchar", NpgsqlDbType.Text, r => r.Aggregate);
            EventType = Add("event_type", "varchar", NpgsqlDbType.Text, r => r.EventType);
            ValidOn = Add("valid_on", "date", NpgsqlDbType.Date, r => r.ValidOn.ToDateOnly());
            KnownFrom = Add(KnownFromColumn, "timestamp with time zone", NpgsqlDbType.TimestampTz, r => r.KnownFrom.ToDateTimeOffset());
            RecordedAt = Add(RecordedAtColumn, "timestamp with time zone", NpgsqlDbType.TimestampTz, r => r.RecordedAt.ToDateTimeOffset());
            ProvenanceHash = Add("provenance_hash", "varchar", NpgsqlDbType.Text, r => r.ProvenanceHash);

            // Covering, so the sources part of an as-of question is an index-only scan, with either instant filtered
            // (known_from for "as known at", recorded_at for "as recorded by").
            Index("ix_bsd_events_aggregate_valid", [TenantId, Aggregate, ValidOn, Seq], [KnownFrom, RecordedAt, StreamId, ProvenanceHash]);
            Index("ix_bsd_events_stream_valid", [TenantId, StreamId, ValidOn, Seq], [Aggregate, KnownFrom, RecordedAt, ProvenanceHash]);

            // What was learnt between two instants (changes): the window is a range of this index, read forward. Covering
            // every column, so a question the planner answers through it stays index-only.
            Index("ix_bsd_events_known", [TenantId, KnownFrom, Seq], [StreamId, Aggregate, EventType, ValidOn, RecordedAt, ProvenanceHash]);
        }

        public Column TenantId { get; }

        /// <summary>The event's sequence number, <c>mt_events.seq_id</c>.</summary>
        public Column Seq { get; }

        public Column StreamId { get; }

        /// <summary>The aggregate kind (<see cref="ProjectionRows.Funding"/>, ...).</summary>
        public Column Aggregate { get; }

        /// <summary>The event's wire name.</summary>
        public Column EventType { get; }

        public Column ValidOn { get; }

        public Column KnownFrom { get; }

        public Column RecordedAt { get; }

        public Column ProvenanceHash { get; }
    }

    /// <summary><c>bsd_statements</c>: one row per statement of a figure (see docs/projections.md).</summary>
    internal sealed class StatementsTable : TableModel<StatementRow>
    {
        public StatementsTable(string schema)
            : base(schema, "bsd_statements")
        {
            TenantId = AddTenant(r => r.Tenant);
            Seq = Add("seq", "bigint", NpgsqlDbType.Bigint, r => r.Sequence, key: true);
            Figure = Add("figure", "varchar", NpgsqlDbType.Text, r => r.Figure, key: true);
            Dimension = Add("dimension", "varchar", NpgsqlDbType.Text, r => r.Dimension, key: true);
            StreamId = Add("stream_id", "varchar", NpgsqlDbType.Text, r => r.StreamId);
            Aggregate = Add("aggregate", "varchar", NpgsqlDbType.Text, r => r.Aggregate);
            ValidOn = Add("valid_on", "date", NpgsqlDbType.Date, r => r.ValidOn.ToDateOnly());
            KnownFrom = Add(KnownFromColumn, "timestamp with time zone", NpgsqlDbType.TimestampTz, r => r.KnownFrom.ToDateTimeOffset());
            RecordedAt = Add(RecordedAtColumn, "timestamp with time zone", NpgsqlDbType.TimestampTz, r => r.RecordedAt.ToDateTimeOffset());
            Value = Add("value", "numeric", NpgsqlDbType.Numeric, r => r.Value, nullable: true);
            Detail = Add("detail", "jsonb", NpgsqlDbType.Jsonb, r => r.Detail, nullable: true);

            // Read backwards, this index yields each figure's statements newest first, already in DISTINCT ON order: the
            // latest statement of every figure is an index-only scan with no sort.
            Index("ix_bsd_statements_figure_valid", [TenantId, Aggregate, StreamId, Figure, Dimension, ValidOn, Seq], [KnownFrom, RecordedAt, Value]);

            // The creation rows with their detail (recipient, origin, basis), also index-only.
            Index("ix_bsd_statements_created", [TenantId, Aggregate, StreamId, ValidOn, Seq], [KnownFrom, RecordedAt, Detail], $"{Figure} = '{Figures.Created}'");

            // The period rows with their detail (what each commitment covers), also index-only: the financial-year questions.
            Index("ix_bsd_statements_period", [TenantId, Aggregate, StreamId, ValidOn, Seq], [KnownFrom, RecordedAt, Detail], $"{Figure} = '{Figures.Period}'");
        }

        public Column TenantId { get; }

        public Column Seq { get; }

        /// <summary>The figure stated (<see cref="Figures"/>: <c>created</c>, <c>amount</c>, ...).</summary>
        public Column Figure { get; }

        /// <summary>The figure's dimension (an allocation's capability), or empty.</summary>
        public Column Dimension { get; }

        public Column StreamId { get; }

        public Column Aggregate { get; }

        public Column ValidOn { get; }

        public Column KnownFrom { get; }

        public Column RecordedAt { get; }

        /// <summary>The value stated, or null for a figure with none (a creation, a withdrawal).</summary>
        public Column Value { get; }

        /// <summary>A creation's fixed attributes, or a period, as JSON; null on other rows.</summary>
        public Column Detail { get; }
    }

    /// <summary><c>bsd_provenances</c>: each distinct provenance of a tenant once, keyed by the SHA-256 of its JSON.</summary>
    internal sealed class ProvenancesTable : TableModel<ProvenanceRow>
    {
        public ProvenancesTable(string schema)
            : base(schema, "bsd_provenances")
        {
            TenantId = AddTenant(r => r.Tenant);
            Hash = Add("hash", "varchar", NpgsqlDbType.Text, r => r.Hash, key: true);
            Provenance = Add("provenance", "jsonb", NpgsqlDbType.Jsonb, r => r.Json);
        }

        public Column TenantId { get; }

        public Column Hash { get; }

        public Column Provenance { get; }
    }

    /// <summary><c>bsd_commitment_recipients</c>: the commitments each recipient was given.</summary>
    internal sealed class RecipientsTable : TableModel<RecipientRow>
    {
        public RecipientsTable(string schema)
            : base(schema, "bsd_commitment_recipients")
        {
            TenantId = AddTenant(r => r.Tenant);
            Recipient = Add("recipient", "varchar", NpgsqlDbType.Text, r => r.Recipient, key: true);
            StreamId = Add("stream_id", "varchar", NpgsqlDbType.Text, r => r.StreamId, key: true);
        }

        public Column TenantId { get; }

        public Column Recipient { get; }

        public Column StreamId { get; }
    }

    /// <summary><c>bsd_idempotency</c>: each idempotency key of a tenant, the versions it stored and its request's fingerprint.</summary>
    internal sealed class IdempotencyTable : TableModel<IdempotencyRow>
    {
        public IdempotencyTable(string schema)
            : base(schema, "bsd_idempotency")
        {
            TenantId = AddTenant(r => r.Tenant);
            Key = Add("key", "varchar", NpgsqlDbType.Text, r => r.Key, key: true);
            StreamId = Add("stream_id", "varchar", NpgsqlDbType.Text, r => r.StreamId);
            FromVersion = Add("from_version", "bigint", NpgsqlDbType.Bigint, r => r.FromVersion);
            ToVersion = Add("to_version", "bigint", NpgsqlDbType.Bigint, r => r.ToVersion);

            // The fingerprint of the request stored under the key (IdempotencyKeys.For(request)): the same key with another
            // request is a conflict. Null in rows written before it existed (MartenBorderSecurityStore.EarlierAsync).
            Fingerprint = Add("fingerprint", "varchar", NpgsqlDbType.Text, r => r.Fingerprint, nullable: true);
        }

        public Column TenantId { get; }

        public Column Key { get; }

        public Column StreamId { get; }

        public Column FromVersion { get; }

        public Column ToVersion { get; }

        public Column Fingerprint { get; }
    }

    /// <summary>
    /// <c>bsd_database_tenants</c>: the tenants whose model has used this schema in this database. Only consulted when events
    /// are not conjoined and there are several databases: a second tenant found here would share the first one's streams.
    /// </summary>
    internal sealed class DatabaseTenantsTable : TableModel<string>
    {
        public DatabaseTenantsTable(string schema)
            : base(schema, "bsd_database_tenants") =>
            Tenant = Add("tenant", "varchar", NpgsqlDbType.Text, tenant => tenant, key: true);

        public Column Tenant { get; }
    }

    /// <summary>
    /// <c>bsd_funding_totals</c>: the funding totals as sums of signed changes
    /// (<see cref="Projections.FundingContributions.AsKnown"/>) per scope (a recipient, or <see cref="PortfolioScope"/> for
    /// every commitment), span of valid dates, span of known-from instants and what the totals split by (origin, basis, what
    /// the period covers).
    /// </summary>
    /// <remarks>
    /// <para>Known now (<see cref="KnownNow"/>): each change is added to its valid date's day, month and calendar year
    /// (<see cref="CellsOf"/>), so the totals as of a date are the sums of the whole years before it, the whole months of its
    /// year before it and the days of its month up to it: three ranges of the primary key, a few rows per key however long
    /// the history.</para>
    /// <para>As known at an instant: each change is also added to the six cells of its valid day, month and year crossed
    /// with the UTC year and month it became known (<see cref="KnownYear"/>, <see cref="KnownMonth"/>), and, under its
    /// recipient only, to its valid day at its own instant (<see cref="KnownInstant"/>). The changes known at or before an
    /// instant are those of the whole known years before it, the whole known months of its year before its month, and the
    /// instants of its month up to it; crossed with the three valid spans that is six groups of cells and the changes known
    /// in one month (read across recipients for the portfolio): a few rows per key, however long the history, plus one
    /// month's changes.</para>
    /// <para>Kept in the append's transaction (or by the daemon with the other tables) and refilled by a rebuild.</para>
    /// </remarks>
    internal sealed class FundingTotalsTable : TableModel<FundingTotalsRow>
    {
        /// <summary>The scope of the rows that sum every commitment, whatever its recipient.</summary>
        public const string PortfolioScope = "";

        /// <summary>What a key column holds where the period states none (no coverage, no year): keys are never null.</summary>
        public const string None = "";

        /// <summary>The span of a row summing the changes of one valid date (<see cref="FundingTotalsRow.ValidFrom"/>).</summary>
        public const string Day = "day";

        /// <summary>The span of a row summing the changes of one month (from its first day).</summary>
        public const string Month = "month";

        /// <summary>The span of a row summing the changes of one calendar year (from 1 January).</summary>
        public const string Year = "year";

        /// <summary>The known span of a row summing changes whenever they became known: the totals known now (its known-from is <see cref="NodaConstants.UnixEpoch"/>).</summary>
        public const string KnownNow = "";

        /// <summary>The known span of a row summing the changes that became known in one UTC calendar year (known-from its first instant).</summary>
        public const string KnownYear = "year";

        /// <summary>The known span of a row summing the changes that became known in one UTC month.</summary>
        public const string KnownMonth = "month";

        /// <summary>
        /// The known span of a row summing the changes that became known at one instant: always of valid span
        /// <see cref="Day"/>, and kept under the recipient only (the portfolio reads every recipient's).
        /// </summary>
        public const string KnownInstant = "instant";

        /// <summary>The known span and valid span of each kind of row (<see cref="CellsOf"/> names them by index).</summary>
        public static IReadOnlyList<(string KnownSpan, string Span)> Cells { get; } =
        [
            (KnownNow, Day), (KnownNow, Month), (KnownNow, Year),
            (KnownMonth, Day), (KnownMonth, Month), (KnownMonth, Year),
            (KnownYear, Day), (KnownYear, Month), (KnownYear, Year),
            (KnownInstant, Day),
        ];

        /// <summary>
        /// Every row of one scope a change from <paramref name="date"/>, known from <paramref name="known"/>, is added to, as
        /// the index of its kind in <see cref="Cells"/>, its valid from and its known from: the three valid spans known now, the
        /// six of the valid spans crossed with the UTC month and year of <paramref name="known"/> (each from its first instant), and, for a recipient
        /// (<paramref name="portfolio"/> false), its valid day at its own instant.
        /// </summary>
        public static IEnumerable<(int Cell, LocalDate From, Instant KnownFrom)> CellsOf(LocalDate date, Instant known, bool portfolio)
        {
            LocalDate[] valid = [date, new LocalDate(date.Year, date.Month, 1), new LocalDate(date.Year, 1, 1)];
            var day = known.InUtc().Date;
            Instant[] knownFrom = [NodaConstants.UnixEpoch, Start(new LocalDate(day.Year, day.Month, 1)), Start(new LocalDate(day.Year, 1, 1))];
            for (var cell = 0; cell < 9; cell++)
            {
                yield return (cell, valid[cell % 3], knownFrom[cell / 3]);
            }

            if (!portfolio)
            {
                yield return (9, date, known);
            }
        }

        /// <summary>The first instant of a UTC day.</summary>
        public static Instant Start(LocalDate day) => day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

        public FundingTotalsTable(string schema)
            : base(schema, "bsd_funding_totals")
        {
            TenantId = AddTenant(r => r.Tenant);
            Scope = Add("scope", "varchar", NpgsqlDbType.Text, r => r.Scope, key: true);
            KnownSpan = Add("known_span", "varchar", NpgsqlDbType.Text, r => r.KnownSpan, key: true);
            Span = Add("span", "varchar", NpgsqlDbType.Text, r => r.Span, key: true);
            ValidFrom = Add("valid_from", "date", NpgsqlDbType.Date, r => r.ValidFrom.ToDateOnly(), key: true);
            KnownFrom = Add(KnownFromColumn, "timestamp with time zone", NpgsqlDbType.TimestampTz, r => r.KnownFrom.ToDateTimeOffset(), key: true);
            Origin = Add("origin", "varchar", NpgsqlDbType.Text, r => r.Origin, key: true);
            Basis = Add("basis", "varchar", NpgsqlDbType.Text, r => r.Basis, key: true);
            Coverage = Add("coverage", "varchar", NpgsqlDbType.Text, r => r.Coverage, key: true);
            FirstYear = Add("first_year", "varchar", NpgsqlDbType.Text, r => r.FirstYear, key: true);
            LastYear = Add("last_year", "varchar", NpgsqlDbType.Text, r => r.LastYear, key: true);
            Amount = Add("amount", "numeric", NpgsqlDbType.Numeric, r => r.Amount);
            Allocated = Add("allocated", "numeric", NpgsqlDbType.Numeric, r => r.Allocated);

            // The known spans read by known-from first where that range is the narrow one (a few known months across every
            // valid year before the date), and the instants of one month across every recipient and valid date. The first
            // index holds the year and month rows: the known spans after "instant" (one comparison, which PostgreSQL keeps
            // as written, so Weasel sees no change to migrate; an "in" list it would rewrite).
            Index("ix_bsd_funding_totals_known", [TenantId, Scope, KnownSpan, Span, KnownFrom, ValidFrom], [Amount, Allocated],
                $"{KnownSpan} > '{KnownInstant}'");
            Index("ix_bsd_funding_totals_instant", [TenantId, KnownFrom], [Scope, ValidFrom, Origin, Basis, Coverage, FirstYear, LastYear, Amount, Allocated],
                $"{KnownSpan} = '{KnownInstant}'");
        }

        public Column TenantId { get; }

        protected override string PrimaryKeyName => "pkey_bsd_funding_totals";

        // A question reads a few thousand rows through a few ranges of the keys; starting parallel workers costs
        // more than that (at 1,000,000 events: 13 ms with two workers against 1.5 ms without, for the portfolio).
        protected override IReadOnlyList<(string Parameter, object Value)> StorageParameters => [("parallel_workers", 0)];

        /// <summary>The recipient whose totals the row changes, or <see cref="PortfolioScope"/>.</summary>
        public Column Scope { get; }

        /// <summary><see cref="KnownNow"/>, <see cref="KnownYear"/>, <see cref="KnownMonth"/> or <see cref="KnownInstant"/>.</summary>
        public Column KnownSpan { get; }

        /// <summary><see cref="Day"/>, <see cref="Month"/> or <see cref="Year"/>.</summary>
        public Column Span { get; }

        /// <summary>The first valid date of the row's span.</summary>
        public Column ValidFrom { get; }

        /// <summary>The first instant of the row's known span (the Unix epoch for <see cref="KnownNow"/>).</summary>
        public Column KnownFrom { get; }

        public Column Origin { get; }

        public Column Basis { get; }

        /// <summary>The period's coverage, or <see cref="None"/>.</summary>
        public Column Coverage { get; }

        /// <summary>The period's first financial year (<c>2024/25</c>), or <see cref="None"/>.</summary>
        public Column FirstYear { get; }

        /// <summary>The period's last financial year, or <see cref="None"/>.</summary>
        public Column LastYear { get; }

        /// <summary>The sum of the changes to the amount.</summary>
        public Column Amount { get; }

        /// <summary>The sum of the changes to the amount allocated.</summary>
        public Column Allocated { get; }

        /// <summary>
        /// Inserts one <c>bsd_events</c> row (positional, <see cref="TableModel{TRow}.ParametersOf"/>) and, only if it was not
        /// there already, adds rows to the kept totals (one array per column, <see cref="ArrayValuesOf"/>, keys distinct):
        /// changes are counted once however often their event is projected.
        /// </summary>
        public string AddAfterInsertSql(EventsTable events) =>
            $"with inserted as ({events.InsertOrSkipSql} returning 1) " +
            $"insert into {QualifiedName} ({ColumnList}) select * from unnest({string.Join(", ", Columns.Select(c => $"?::{c.SqlType}[]"))}) " +
            $"where exists (select 1 from inserted) {AddOnConflict}";

        /// <summary>Adds a row's sums to those of a row with the same key, if there is one (an <c>on conflict</c> clause).</summary>
        public string AddOnConflict =>
            $"on conflict ({KeyList}) do update set {Amount} = {QualifiedName}.{Amount} + excluded.{Amount}, {Allocated} = {QualifiedName}.{Allocated} + excluded.{Allocated}";

        /// <summary>The rows as one array per column, in column order: the positional values of <see cref="AddAfterInsertSql"/>'s arrays.</summary>
        public object[] ArrayValuesOf(IReadOnlyList<FundingTotalsRow> rows) => [.. Columns.Select(c => c.ArrayOf(rows).Value!)];
    }

    /// <summary>
    /// <c>bsd_funding_totals_kept</c>: a tenant listed here has every funding event counted in <c>bsd_funding_totals</c> (it
    /// had none when the store first looked, or a rebuild filled the table). A tenant with events from before the table was
    /// kept is not listed until a rebuild: its totals are summed from the statements meanwhile.
    /// </summary>
    internal sealed class TotalsKeptTable : TableModel<string>
    {
        public TotalsKeptTable(string schema)
            : base(schema, "bsd_funding_totals_kept") =>
            TenantId = AddTenant(tenant => tenant);

        public Column TenantId { get; }
    }
}
