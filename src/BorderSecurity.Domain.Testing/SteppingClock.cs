namespace BorderSecurity.Domain.Testing;

/// <summary>
/// A clock that reads whatever it was last set to, for a store under test: set it to each step's known-from instant
/// before importing the step, and the step is recorded at the instant it became known. Thread-safe.
/// </summary>
/// <param name="start">The first instant it reads.</param>
public sealed class SteppingClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    /// <summary>The instant the clock reads now.</summary>
    public Instant Now => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    /// <summary>Sets the clock to an instant.</summary>
    /// <param name="instant">The instant; may be earlier than the current reading.</param>
    public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;
}
