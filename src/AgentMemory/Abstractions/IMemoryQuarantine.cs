namespace AgentMemory;

/// <summary>
/// The quarantine of a memory store: candidates a guard blocked, kept apart for review and never recalled. Erasing a
/// scope (<see cref="IMemoryStore.EraseAsync"/>) removes its quarantined items with its records.
/// </summary>
/// <remarks>Part of <see cref="IMemoryStore"/>, which every store implements as a whole.</remarks>
public interface IMemoryQuarantine
{
    /// <summary>Keeps a blocked candidate apart (never recalled) and writes a <see cref="AuditAction.Blocked"/> entry.</summary>
    Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default);

    /// <summary>Lists quarantined candidates within <paramref name="scope"/>, oldest first.</summary>
    IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, CancellationToken cancellationToken = default);
}
