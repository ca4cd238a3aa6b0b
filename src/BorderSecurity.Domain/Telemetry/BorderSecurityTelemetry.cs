namespace BorderSecurity.Domain.Telemetry;

/// <summary>
/// The names under which the package reports what it does, for a host to listen to: one
/// <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>, both named
/// <see cref="Name"/>, as Npgsql and Marten name theirs after themselves. Nothing is recorded unless a listener (for
/// example OpenTelemetry's <c>AddSource</c>/<c>AddMeter</c>) subscribes. See docs/telemetry.md.
/// </summary>
/// <remarks>
/// Every write, import and question through the store <c>services.AddBorderSecurity()</c> registers (in memory, or the
/// store plugged in with <see cref="Hosting.BorderSecurityBuilder.UseStore{TStore}"/>, such as Marten's) is measured once,
/// whichever store answers. Tags carry only bounded, non-personal values: the question or request type, the store
/// kind, the outcome and the exception type; never an organisation, an id, an amount or any other free text.
/// </remarks>
/// <example>
/// <code>
/// builder.Services.AddOpenTelemetry()
///     .WithTracing(t => t.AddSource(BorderSecurityTelemetry.Name))
///     .WithMetrics(m => m.AddMeter(BorderSecurityTelemetry.Name));
/// </code>
/// </example>
public static class BorderSecurityTelemetry
{
    /// <summary>The name of the package's activity source and meter: <c>BorderSecurity.Domain</c>.</summary>
    public const string Name = "BorderSecurity.Domain";

    /// <summary>The activity of a question (or a read of the log): <c>bordersecurity.question</c>.</summary>
    public const string QuestionActivity = "bordersecurity.question";

    /// <summary>The activity of a write: <c>bordersecurity.submit</c>.</summary>
    public const string SubmitActivity = "bordersecurity.submit";

    /// <summary>The activity of an import of timeline steps: <c>bordersecurity.import</c>.</summary>
    public const string ImportActivity = "bordersecurity.import";

    /// <summary>Histogram, seconds: how long each question took, tagged <see cref="QuestionTag"/>, <see cref="StoreTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string QuestionDuration = "bordersecurity.question.duration";

    /// <summary>Histogram, seconds: how long each write took, tagged <see cref="RequestTag"/>, <see cref="StoreTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string SubmitDuration = "bordersecurity.submit.duration";

    /// <summary>Histogram, seconds: how long each import took, tagged <see cref="StoreTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string ImportDuration = "bordersecurity.import.duration";

    /// <summary>Counter, events: events appended to the log, tagged <see cref="StoreTag"/> and <see cref="OperationTag"/> (<c>submit</c> or <c>import</c>).</summary>
    public const string EventsAppended = "bordersecurity.events.appended";

    /// <summary>Counter, steps: imported steps found already stored (skipped), tagged <see cref="StoreTag"/>.</summary>
    public const string StepsAlreadyStored = "bordersecurity.import.steps_already_stored";

    /// <summary>Tag: the question, the interface member without <c>Async</c> (for example <c>FundingTotalsOf</c>, <c>ReadAll</c>).</summary>
    public const string QuestionTag = "bordersecurity.question";

    /// <summary>Tag: the request type of a write (for example <c>PledgeFunding</c>).</summary>
    public const string RequestTag = "bordersecurity.request";

    /// <summary>Tag: the kind of store that answered (<see cref="MemoryStore"/>, <c>marten</c>, or what a plugged-in store is called).</summary>
    public const string StoreTag = "bordersecurity.store";

    /// <summary>Tag: <c>submit</c> or <c>import</c>, on <see cref="EventsAppended"/>.</summary>
    public const string OperationTag = "bordersecurity.operation";

    /// <summary>Tag: how it ended: <see cref="Ok"/>, <see cref="AlreadyRecorded"/> (a repeated write), <see cref="Cancelled"/> or <see cref="Error"/>.</summary>
    public const string OutcomeTag = "bordersecurity.outcome";

    /// <summary>Tag, on an <see cref="Error"/> outcome only: the exception's type (OpenTelemetry's <c>error.type</c>), never its message.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The <see cref="StoreTag"/> of <see cref="Storage.InMemoryBorderSecurityStore"/>: <c>memory</c>.</summary>
    public const string MemoryStore = "memory";

    /// <summary>Outcome: answered or written.</summary>
    public const string Ok = "ok";

    /// <summary>Outcome of a write whose idempotency key was already recorded: nothing new was appended.</summary>
    public const string AlreadyRecorded = "already_recorded";

    /// <summary>Outcome: cancelled by the caller's token.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Outcome: an exception (a broken rule, a concurrency conflict, an unreachable database); see <see cref="ErrorTypeTag"/>.</summary>
    public const string Error = "error";
}
