namespace BorderSecurity.Domain.Marten;

/// <summary>
/// The names under which the Marten package reports what only it does: the rebuild and the lag of the projection
/// tables. Its <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> are
/// both named <see cref="Name"/>, beside the model's own (<see cref="BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry.Name"/>,
/// where every write, import and question on Marten is measured with the store tag <see cref="MartenStore"/>). A host
/// listens to both; see docs/telemetry.md.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddOpenTelemetry()
///     .WithTracing(t => t.AddSource(BorderSecurityTelemetry.Name, BorderSecurityMartenTelemetry.Name))
///     .WithMetrics(m => m.AddMeter(BorderSecurityTelemetry.Name, BorderSecurityMartenTelemetry.Name));
/// </code>
/// </example>
public static class BorderSecurityMartenTelemetry
{
    /// <summary>The name of the Marten package's activity source and meter: <c>BorderSecurity.Domain.Marten</c>.</summary>
    public const string Name = "BorderSecurity.Domain.Marten";

    /// <summary>The store tag (<see cref="BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry.StoreTag"/>) of the Marten store: <c>marten</c>.</summary>
    public const string MartenStore = "marten";

    /// <summary>The activity of a rebuild of the projection tables: <c>bordersecurity.rebuild</c>.</summary>
    public const string RebuildActivity = "bordersecurity.rebuild";

    /// <summary>Histogram, seconds: how long each rebuild took, tagged <see cref="BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry.OutcomeTag"/>.</summary>
    public const string RebuildDuration = "bordersecurity.rebuild.duration";

    /// <summary>Counter, events: events a completed rebuild read from the log.</summary>
    public const string RebuildEvents = "bordersecurity.rebuild.events";

    /// <summary>
    /// Observable gauge, events: how far the projection tables kept by Marten's async daemon
    /// (<see cref="BorderSecurityTablesMode.Async"/>) trail the log's high-water mark, per store built over such a
    /// document store, tagged <see cref="SchemaTag"/> (<see cref="MartenBorderSecurityStore.TablesLagAsync"/>).
    /// </summary>
    public const string TablesLag = "bordersecurity.tables.lag";

    /// <summary>Tag on <see cref="TablesLag"/>: the schema of the model's tables.</summary>
    public const string SchemaTag = "bordersecurity.schema";
}
