using Npgsql;

namespace BorderSecurity.Domain.Marten;

/// <summary>
/// A query's text with the parameters it names, built together (by <see cref="AsOfSql"/>), so that every parameter the
/// text uses is bound and each parameter has one meaning: <c>@tenant</c> the tenant key, <c>@aggregate</c> an aggregate
/// kind, <c>@stream_id</c> a stream id, <c>@recipient</c> a recipient, <c>@scope</c> a recipient or the portfolio in the kept totals, <c>@year_start</c> and <c>@month_start</c> the first days of the as-of date's year and month, <c>@as_of</c> a valid date, <c>@known_at</c> and
/// <c>@recorded_by</c> instants. Only schema, table and column names are ever spliced into the text.
/// </summary>
internal sealed class SqlQuery(string text, IReadOnlyList<(string Name, object Value)> parameters)
{
    public string Text => text;

    public IReadOnlyList<(string Name, object Value)> Parameters => parameters;

    /// <summary>A command running this query (prefixed with <paramref name="prefix"/>, such as <c>explain</c>) on an open connection.</summary>
    public NpgsqlCommand On(NpgsqlConnection connection, string prefix = "")
    {
        var command = new NpgsqlCommand(prefix + text, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public override string ToString() => text;
}
