using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The projection tables in the store's schema: <c>bsd_events</c> (every event on both time axes) and
/// <c>bsd_statements</c> (every statement of a figure), <c>bsd_provenances</c> (each distinct provenance once),
/// <c>bsd_commitment_recipients</c> (the commitments of each recipient), with the indexes the as-of queries use.
/// </summary>
internal sealed class BorderSecurityTables
{
    public BorderSecurityTables(string schema)
    {
        Schema = schema;
        Events = new Table(new PostgresqlObjectName(schema, "bsd_events", SchemaUtils.IdentifierUsage.General));
        AddTenantColumn(Events);
        Events.AddColumn<long>("seq").AsPrimaryKey();
        Events.AddColumn<string>("stream_id").NotNull();
        Events.AddColumn<string>("aggregate").NotNull();
        Events.AddColumn<string>("event_type").NotNull();
        Events.AddColumn("valid_on", "date").NotNull();
        Events.AddColumn("known_from", "timestamp with time zone").NotNull();
        Events.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        Events.AddColumn<string>("provenance_hash").NotNull();
        // Covering, so the sources part of an as-of question is an index-only scan, with either instant filtered
        // (known_from for "as known at", recorded_at for "as recorded by").
        Events.Indexes.Add(new IndexDefinition("ix_bsd_events_aggregate_valid")
        {
            Columns = ["tenant_id", "aggregate", "valid_on", "seq"],
            IncludeColumns = ["known_from", "recorded_at", "stream_id", "provenance_hash"],
        });
        Events.Indexes.Add(new IndexDefinition("ix_bsd_events_stream_valid")
        {
            Columns = ["tenant_id", "stream_id", "valid_on", "seq"],
            IncludeColumns = ["aggregate", "known_from", "recorded_at", "provenance_hash"],
        });

        Provenances = new Table(new PostgresqlObjectName(schema, "bsd_provenances", SchemaUtils.IdentifierUsage.General));
        AddTenantColumn(Provenances);
        Provenances.AddColumn<string>("hash").AsPrimaryKey();
        Provenances.AddColumn("provenance", "jsonb").NotNull();

        Statements = new Table(new PostgresqlObjectName(schema, "bsd_statements", SchemaUtils.IdentifierUsage.General));
        AddTenantColumn(Statements);
        Statements.AddColumn<long>("seq").AsPrimaryKey();
        Statements.AddColumn<string>("figure").AsPrimaryKey();
        Statements.AddColumn<string>("dimension").AsPrimaryKey();
        Statements.AddColumn<string>("stream_id").NotNull();
        Statements.AddColumn<string>("aggregate").NotNull();
        Statements.AddColumn("valid_on", "date").NotNull();
        Statements.AddColumn("known_from", "timestamp with time zone").NotNull();
        Statements.AddColumn("recorded_at", "timestamp with time zone").NotNull();
        Statements.AddColumn("value", "numeric");
        Statements.AddColumn("detail", "jsonb");
        // Read backwards, this index yields each figure's statements newest first, already in DISTINCT ON order: the
        // latest statement of every figure is an index-only scan with no sort.
        Statements.Indexes.Add(new IndexDefinition("ix_bsd_statements_figure_valid")
        {
            Columns = ["tenant_id", "aggregate", "stream_id", "figure", "dimension", "valid_on", "seq"],
            IncludeColumns = ["known_from", "recorded_at", "value"],
        });

        // The creation rows with their detail (recipient, origin, basis), also index-only.
        Statements.Indexes.Add(new IndexDefinition("ix_bsd_statements_created")
        {
            Columns = ["tenant_id", "aggregate", "stream_id", "valid_on", "seq"],
            IncludeColumns = ["known_from", "recorded_at", "detail"],
            Predicate = "figure = 'created'",
        });

        // The period rows with their detail (what each commitment covers), also index-only: the financial-year questions.
        Statements.Indexes.Add(new IndexDefinition("ix_bsd_statements_period")
        {
            Columns = ["tenant_id", "aggregate", "stream_id", "valid_on", "seq"],
            IncludeColumns = ["known_from", "recorded_at", "detail"],
            Predicate = "figure = 'period'",
        });

        Recipients = new Table(new PostgresqlObjectName(schema, "bsd_commitment_recipients", SchemaUtils.IdentifierUsage.General));
        AddTenantColumn(Recipients);
        Recipients.AddColumn<string>("recipient").AsPrimaryKey();
        Recipients.AddColumn<string>("stream_id").AsPrimaryKey();

        Idempotency = new Table(new PostgresqlObjectName(schema, "bsd_idempotency", SchemaUtils.IdentifierUsage.General));
        AddTenantColumn(Idempotency);
        Idempotency.AddColumn<string>("key").AsPrimaryKey();
        Idempotency.AddColumn<string>("stream_id").NotNull();
        Idempotency.AddColumn<long>("from_version").NotNull();
        Idempotency.AddColumn<long>("to_version").NotNull();
        // The fingerprint of the request stored under the key (IdempotencyKeys.For(request)): the same key with another
        // request is a conflict. Null in rows written before it existed (MartenBorderSecurityStore.EarlierAsync).
        Idempotency.AddColumn<string>("fingerprint");

        // The tenants whose model has used this schema in this database. Only consulted when events are not conjoined
        // and there are several databases: a second tenant found here would share the first one's streams.
        DatabaseTenants = new Table(new PostgresqlObjectName(schema, "bsd_database_tenants", SchemaUtils.IdentifierUsage.General));
        DatabaseTenants.AddColumn<string>("tenant").AsPrimaryKey();

        InsertEventSql = $"insert into {schema}.bsd_events (tenant_id, seq, stream_id, aggregate, event_type, valid_on, known_from, recorded_at, provenance_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, seq) do nothing";
        InsertProvenanceSql = $"insert into {schema}.bsd_provenances (tenant_id, hash, provenance) values (?, ?, ?::jsonb) on conflict (tenant_id, hash) do nothing";
        InsertRecipientSql = $"insert into {schema}.bsd_commitment_recipients (tenant_id, recipient, stream_id) values (?, ?, ?) on conflict do nothing";
        InsertStatementSql = $"insert into {schema}.bsd_statements (tenant_id, seq, stream_id, aggregate, figure, dimension, valid_on, known_from, recorded_at, value, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (tenant_id, seq, figure, dimension) do nothing";
    }

    /// <summary>
    /// The tenant column every table starts with (first in every key and index): the Marten tenant a row belongs to
    /// under conjoined event tenancy, <see cref="JasperFx.StorageConstants.DefaultTenantId"/> otherwise (one tenant per
    /// database, or no tenancy), so the default path pays one equality on each index's leading column.
    /// </summary>
    public const string TenantColumn = "tenant_id";

    /// <summary>The value of the tenant column for a Marten tenant: the tenant itself under conjoined event tenancy, else the default tenant.</summary>
    public static string TenantKeyOf(global::Marten.IReadOnlyStoreOptions options, string? tenantId) =>
        options.Events.TenancyStyle == JasperFx.MultiTenancy.TenancyStyle.Conjoined && tenantId is not null
            ? tenantId
            : JasperFx.StorageConstants.DefaultTenantId;

    private static void AddTenantColumn(Table table) =>
        table.AddColumn<string>(TenantColumn).AsPrimaryKey().DefaultValueByString(JasperFx.StorageConstants.DefaultTenantId);

    public string Schema { get; }

    public Table Events { get; }

    public Table Statements { get; }

    public Table Idempotency { get; }

    public Table Provenances { get; }

    /// <summary><c>bsd_commitment_recipients</c>: which commitments each recipient was ever given (a recipient never changes once a commitment is created).</summary>
    public Table Recipients { get; }

    /// <summary>The tenants whose model has used this schema in this database (see MartenBorderSecurityStore.DatabaseAsync).</summary>
    public Table DatabaseTenants { get; }

    public string InsertRecipientSql { get; }

    public string InsertProvenanceSql { get; }

    public string InsertEventSql { get; }

    public string InsertStatementSql { get; }

    /// <summary>The indexes other than primary keys, with the DDL that creates each (what a rebuild drops and builds again).</summary>
    public IEnumerable<(string Name, string Ddl)> SecondaryIndexes =>
        from table in new[] { Events, Statements }
        from index in table.Indexes
        select (index.Name, index.ToDDL(table));

    public IEnumerable<ISchemaObject> All => [Events, Statements, Idempotency, Provenances, Recipients, DatabaseTenants];
}
