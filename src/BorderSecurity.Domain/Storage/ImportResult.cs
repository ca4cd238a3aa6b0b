namespace BorderSecurity.Domain.Storage;

/// <summary>What an import stored (<see cref="IBorderSecurityWriter.ImportAsync"/>).</summary>
/// <param name="EventsStored">Events stored by this import.</param>
/// <param name="StepsAlreadyStored">Steps skipped because they had been stored before (same idempotency key).</param>
public sealed record ImportResult(int EventsStored, int StepsAlreadyStored);
