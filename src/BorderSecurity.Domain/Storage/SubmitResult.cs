namespace BorderSecurity.Domain.Storage;

/// <summary>What a submission stored (<see cref="IBorderSecurityWriter.SubmitAsync"/>).</summary>
/// <param name="Events">The events recorded for the request: new ones, or, for a repeated idempotency key, those recorded by the first submission.</param>
/// <param name="AlreadyRecorded">Whether the idempotency key had been seen before, so nothing new was stored.</param>
public sealed record SubmitResult(IReadOnlyList<RecordedEvent> Events, bool AlreadyRecorded);
