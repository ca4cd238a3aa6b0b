namespace BorderSecurity.Domain.Storage;

/// <summary>
/// A store of the model, in memory or durable: the one contract services write, read and ask through. It is its three
/// parts and nothing more: writing and importing (<see cref="IBorderSecurityWriter"/>), reading the log
/// (<see cref="IBorderSecurityLog"/>) and every question (<see cref="IBorderSecurityQueries"/>).
/// </summary>
/// <remarks>
/// <para>Every implementation decides requests with the same deciders (<see cref="BorderSecurityDecider"/>), keeps both
/// instants of every event (<see cref="RecordedEvent.KnownFrom"/> and <see cref="RecordedEvent.RecordedAt"/>), and gives
/// the same answer to the same question over the same history, field for field (the conformance suite checks it).</para>
/// <para>Register one with <c>services.AddBorderSecurity()</c> (in memory, <see cref="InMemoryBorderSecurityStore"/>) or,
/// with the Marten package, <c>services.AddBorderSecurity().UseMarten(...)</c>.</para>
/// </remarks>
public interface IBorderSecurityStore : IBorderSecurityWriter, IBorderSecurityLog, IBorderSecurityQueries;
