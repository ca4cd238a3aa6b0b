using System.Diagnostics;
using System.Diagnostics.Metrics;
using static BorderSecurity.Domain.Telemetry.BorderSecurityTelemetry;

namespace BorderSecurity.Domain.Telemetry;

/// <summary>The package's activity source and meter (<see cref="BorderSecurityTelemetry.Name"/>), and its instruments.</summary>
internal static class Instruments
{
    private static readonly string? Version = typeof(Instruments).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> Questions = Meter.CreateHistogram<double>(QuestionDuration, "s",
        "How long each question to the store took.");

    public static readonly Histogram<double> Submits = Meter.CreateHistogram<double>(SubmitDuration, "s",
        "How long each write to the store took.");

    public static readonly Histogram<double> Imports = Meter.CreateHistogram<double>(ImportDuration, "s",
        "How long each import of timeline steps took.");

    public static readonly Counter<long> Appended = Meter.CreateCounter<long>(EventsAppended, "{event}",
        "Events appended to the log.");

    public static readonly Counter<long> AlreadyStored = Meter.CreateCounter<long>(StepsAlreadyStored, "{step}",
        "Imported steps found already stored and skipped.");

    /// <summary>The outcome of an exception, and its <c>error.type</c> (null when cancelled).</summary>
    public static (string Outcome, string? ErrorType) OutcomeOf(Exception exception) =>
        exception is OperationCanceledException ? (Cancelled, null) : (Error, exception.GetType().FullName);

    /// <summary>Marks an activity and a tag list with how the operation ended.</summary>
    public static void Ended(Activity? activity, ref TagList tags, string outcome, string? errorType)
    {
        tags.Add(OutcomeTag, outcome);
        activity?.SetTag(OutcomeTag, outcome);
        if (errorType is not null)
        {
            tags.Add(ErrorTypeTag, errorType);
            activity?.SetTag(ErrorTypeTag, errorType);
            activity?.SetStatus(ActivityStatusCode.Error);
        }
    }
}
