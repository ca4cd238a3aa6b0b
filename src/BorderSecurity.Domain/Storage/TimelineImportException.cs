namespace BorderSecurity.Domain.Storage;

/// <summary>An import stopped at a step. Steps before it are stored, nothing of it is; run the import again to resume.</summary>
/// <remarks>
/// <see cref="Exception.InnerException"/> says why: a <see cref="DomainRuleViolationException"/> (a broken rule), an
/// <see cref="ArgumentException"/> (an invalid field, named by its <see cref="ArgumentException.ParamName"/>; a step known
/// from after the store's clock names <c>KnownFrom</c>), an <see cref="IdempotencyKeyConflictException"/>, or the store's
/// own failure. For a file, <see cref="Serialization.TimelineFile.StepLines"/> gives the line of <see cref="Step"/>.
/// </remarks>
public sealed class TimelineImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">The 0-based index of the step that failed.</param>
    /// <param name="eventsStored">Events this import stored before it stopped.</param>
    /// <param name="stepsAlreadyStored">Steps this import skipped as already stored.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="inner">The underlying error.</param>
    public TimelineImportException(int step, int eventsStored, int stepsAlreadyStored, string message, Exception inner)
        : base(message, inner)
    {
        Step = step;
        EventsStored = eventsStored;
        StepsAlreadyStored = stepsAlreadyStored;
    }

    /// <summary>The 0-based index of the step that failed.</summary>
    public int Step { get; }

    /// <summary>Events this import stored before it stopped.</summary>
    public int EventsStored { get; }

    /// <summary>Steps this import skipped as already stored.</summary>
    public int StepsAlreadyStored { get; }
}
