using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace BorderSecurity.Domain.Marten;

/// <summary>One column of a projection table: its name (what SQL calls it, and what it prints as), SQL type, key and nullability.</summary>
internal abstract class Column(string name, string sqlType, bool key, bool nullable, string? defaultValue)
{
    public string Name => name;

    /// <summary>The SQL type as Weasel writes it in the DDL (<c>varchar</c>, <c>bigint</c>, <c>timestamp with time zone</c>, ...).</summary>
    public string SqlType => sqlType;

    /// <summary>Part of the primary key (in column order).</summary>
    public bool IsKey => key;

    public bool IsNullable => nullable;

    /// <summary>The column's default, a string literal, or <see langword="null"/> for none.</summary>
    public string? Default => defaultValue;

    /// <summary>A placeholder for this column's value in a positional (<c>?</c>) insert: <c>jsonb</c> values are sent as text and cast.</summary>
    public string Placeholder => sqlType == "jsonb" ? "?::jsonb" : "?";

    /// <summary>An array parameter of this column's values in an <c>unnest</c> insert, cast where the values are sent as text.</summary>
    public string ArrayParameter => sqlType == "jsonb" ? $"@{name}::jsonb[]" : $"@{name}";

    public override string ToString() => name;
}

/// <summary>A column whose value comes from a row of <typeparamref name="TRow"/>: what an insert binds and what COPY writes.</summary>
internal abstract class Column<TRow>(string name, string sqlType, bool key, bool nullable, string? defaultValue)
    : Column(name, sqlType, key, nullable, defaultValue)
{
    /// <summary>The row's value as a parameter of a positional insert (<see cref="DBNull"/> for null).</summary>
    public abstract object Parameter(TRow row);

    /// <summary>Writes the row's value to a binary COPY, typed (no boxing).</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken cancellationToken);

    /// <summary>The rows' values as one array parameter (named as <see cref="Column.ArrayParameter"/>) of an <c>unnest</c> insert.</summary>
    public abstract NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows);
}

/// <summary>
/// A table of the model, defined once: its name, its columns in order (SQL type, key, nullability, default, and how a row
/// gives each value), its secondary indexes. The DDL (a Weasel <see cref="Table"/>), the column lists of inserts and of
/// COPY, and the values they send are all derived from here, so a column is added or renamed in one place; reads name
/// the columns through the properties of the table's class (<see cref="BorderSecurityTables"/>).
/// </summary>
/// <typeparam name="TRow">What one row of the table is, in the code (<see cref="EventRow"/>, <see cref="StatementRow"/>, ...).</typeparam>
internal abstract class TableModel<TRow>(string schema, string name)
{
    private readonly List<Column<TRow>> _columns = [];
    private readonly List<(string Name, Column[] Columns, Column[] Include, string? Predicate)> _indexes = [];
    private string? _insert;
    private string? _insertOrSkip;

    public string Schema => schema;

    public string Name => name;

    /// <summary>The schema-qualified name (what the table prints as in SQL).</summary>
    public string QualifiedName => $"{schema}.{name}";

    public IReadOnlyList<Column<TRow>> Columns => _columns;

    public override string ToString() => QualifiedName;

    /// <summary>The table as a Weasel schema object: what Marten creates and migrates.</summary>
    public Table ToTable()
    {
        var table = new Table(new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General));
        foreach (var column in _columns)
        {
            var added = table.AddColumn(column.Name, column.SqlType);
            if (column.IsKey)
            {
                added.AsPrimaryKey();
            }
            else if (!column.IsNullable)
            {
                added.NotNull();
            }

            if (column.Default is { } value)
            {
                added.DefaultValueByString(value);
            }
        }

        if (PrimaryKeyName is { } primaryKey)
        {
            table.PrimaryKeyName = primaryKey;
        }

        foreach (var (parameter, value) in StorageParameters)
        {
            table.WithStorageParameter(parameter, value);
        }

        foreach (var (index, columns, include, predicate) in _indexes)
        {
            table.Indexes.Add(new IndexDefinition(index)
            {
                Columns = [.. columns.Select(c => c.Name)],
                IncludeColumns = [.. include.Select(c => c.Name)],
                Predicate = predicate,
            });
        }

        return table;
    }

    /// <summary>
    /// The primary key constraint's name, or <see langword="null"/> for Weasel's (<c>pkey_</c>, the table and every key
    /// column): a table whose key has many columns names it, as PostgreSQL cuts names at 63 characters.
    /// </summary>
    protected virtual string? PrimaryKeyName => null;

    /// <summary>The table's storage parameters (<c>create table ... with (...)</c>), which Weasel also migrates; none unless a table names some.</summary>
    protected virtual IReadOnlyList<(string Parameter, object Value)> StorageParameters => [];

    /// <summary>Every column, in order, as a list for an insert or a COPY.</summary>
    public string ColumnList => string.Join(", ", _columns);

    /// <summary>The primary key's columns, in order, for an <c>on conflict</c> target.</summary>
    public string KeyList => string.Join(", ", _columns.Where(c => c.IsKey));

    /// <summary>
    /// An insert of one row with positional parameters (<c>?</c>, as Marten's <c>QueueSqlCommand</c> takes them), in column
    /// order (<see cref="ParametersOf"/>). A row whose key is there already is an error (a unique violation).
    /// </summary>
    public string InsertSql => _insert ??= $"insert into {QualifiedName} ({ColumnList}) values ({string.Join(", ", _columns.Select(c => c.Placeholder))})";

    /// <summary>Like <see cref="InsertSql"/>, skipping a row whose key is there already.</summary>
    public string InsertOrSkipSql => _insertOrSkip ??= $"{InsertSql} on conflict ({KeyList}) do nothing";

    /// <summary>The values of <see cref="InsertSql"/> and <see cref="InsertOrSkipSql"/> for one row, in column order.</summary>
    public object[] ParametersOf(TRow row) => [.. _columns.Select(c => c.Parameter(row))];

    /// <summary>An insert of many rows at once from one array parameter per column (<see cref="ArrayParametersOf"/>); rows whose key is there already are skipped.</summary>
    public string UnnestInsertSql =>
        $"insert into {QualifiedName} ({ColumnList}) select * from unnest({string.Join(", ", _columns.Select(c => c.ArrayParameter))}) on conflict ({KeyList}) do nothing";

    public IEnumerable<NpgsqlParameter> ArrayParametersOf(IReadOnlyList<TRow> rows) => _columns.Select(c => c.ArrayOf(rows));

    /// <summary>A binary COPY of whole rows in column order (<see cref="CopyRowAsync"/>), frozen: for tables truncated in the same transaction.</summary>
    public string CopySql => $"copy {QualifiedName} ({ColumnList}) from stdin (format binary, freeze)";

    /// <summary>Writes one row to a COPY started with <see cref="CopySql"/>.</summary>
    public async Task CopyRowAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
        foreach (var column in _columns)
        {
            await column.WriteAsync(copy, row, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a column; the order of the calls is the order of the columns (and of the primary key's).</summary>
    protected Column<TRow> Add<TValue>(string column, string sqlType, NpgsqlDbType dbType, Func<TRow, TValue> value,
        bool key = false, bool nullable = false, string? defaultValue = null)
    {
        var added = new Typed<TValue>(column, sqlType, dbType, value, key, nullable, defaultValue);
        _columns.Add(added);
        return added;
    }

    /// <summary>
    /// Adds the tenant column (<see cref="BorderSecurityTables.TenantColumn"/>), first in the table and its key, defaulting
    /// to Marten's default tenant.
    /// </summary>
    protected Column<TRow> AddTenant(Func<TRow, string> tenant) =>
        Add(BorderSecurityTables.TenantColumn, "varchar", NpgsqlDbType.Text, tenant, key: true, defaultValue: JasperFx.StorageConstants.DefaultTenantId);

    /// <summary>Adds a secondary index over some columns, with others included (covering), optionally partial.</summary>
    protected void Index(string index, Column[] columns, Column[] include, string? predicate = null) => _indexes.Add((index, columns, include, predicate));

    private sealed class Typed<TValue>(string name, string sqlType, NpgsqlDbType dbType, Func<TRow, TValue> value, bool key, bool nullable,
        string? defaultValue)
        : Column<TRow>(name, sqlType, key, nullable, defaultValue)
    {
        public override object Parameter(TRow row) => (object?)value(row) ?? DBNull.Value;

        public override Task WriteAsync(NpgsqlBinaryImporter copy, TRow row, CancellationToken cancellationToken) =>
            value(row) is { } v ? copy.WriteAsync(v, dbType, cancellationToken) : copy.WriteNullAsync(cancellationToken);

        public override NpgsqlParameter ArrayOf(IReadOnlyList<TRow> rows)
        {
            var values = new TValue[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = value(rows[i]);
            }

            // jsonb travels as text and is cast in the SQL (Column.ArrayParameter), as in the one-row insert.
            return new NpgsqlParameter<TValue[]>(Name, NpgsqlDbType.Array | (dbType == NpgsqlDbType.Jsonb ? NpgsqlDbType.Text : dbType)) { TypedValue = values };
        }
    }
}
