using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BorderSecurity.Domain.Testing;

/// <summary>
/// Listens to activity sources and meters by name while it lives, as OpenTelemetry's <c>AddSource</c>/<c>AddMeter</c>
/// would: every stopped activity and every measurement is kept. Tests run in parallel, so what another test did at
/// the same time may be recorded too: look for what the test caused (by tags, or under <see cref="Scope"/>), never
/// count everything.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("BorderSecurity.Tests");

    private readonly HashSet<string> _names;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    /// <summary>Starts listening to the sources and meters named <paramref name="names"/>.</summary>
    /// <param name="names">Activity source and meter names.</param>
    public TelemetryRecorder(params string[] names)
    {
        _names = [.. names, TestSource.Name];
        _activities = new ActivityListener
        {
            ShouldListenTo = source => _names.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (_names.Contains(instrument.Meter.Name))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    /// <summary>The activities stopped so far.</summary>
    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>The measurements recorded so far.</summary>
    public ConcurrentQueue<RecordedMeasurement> Measurements { get; } = new();

    /// <summary>
    /// Starts an activity of the tests' own, so that what the test causes on this async flow is recorded as its
    /// children (<see cref="Under"/>).
    /// </summary>
    /// <returns>The activity; dispose of it to end the scope.</returns>
    public static Activity Scope() => TestSource.StartActivity("test") ?? throw new InvalidOperationException("No listener for the test source.");

    /// <summary>The activities started directly under <paramref name="scope"/>.</summary>
    /// <param name="scope">An activity from <see cref="Scope"/>.</param>
    /// <returns>The children, in the order they stopped.</returns>
    public IReadOnlyList<Activity> Under(Activity scope) => Activities.Where(a => a.ParentSpanId == scope.SpanId && a.TraceId == scope.TraceId).ToList();

    /// <summary>The measurements of the instrument named <paramref name="instrument"/>.</summary>
    /// <param name="instrument">The instrument's name.</param>
    /// <returns>Its measurements.</returns>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument.Name == instrument).ToList();

    /// <summary>Collects every observable instrument listened to now (a gauge's callback runs here).</summary>
    public void Collect() => _meters.RecordObservableInstruments();

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new RecordedMeasurement(instrument, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    /// <inheritdoc />
    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}

/// <summary>One measurement a <see cref="TelemetryRecorder"/> saw.</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Value">The value.</param>
/// <param name="Tags">Its tags.</param>
public sealed record RecordedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>Whether every tag given has the value given (usable in FluentAssertions' expression predicates).</summary>
    /// <param name="keysAndValues">Tag names and values, alternately: name, value, name, value.</param>
    /// <returns><see langword="true"/> if all match.</returns>
    public bool Has(params object?[] keysAndValues) =>
        keysAndValues.Chunk(2).All(t => Tags.TryGetValue((string)t[0]!, out var v) && Equals(v, t[1]));
}
