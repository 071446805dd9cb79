namespace AgentMemory;

/// <summary>
/// The audit log of a memory store: one entry per change, read, block, erasure and export, never holding memory text.
/// A store writes the entries of its own record writes in the same transaction as the write (see
/// <see cref="IMemoryStore"/>); this part appends the entries that are not part of a record write and reads the log.
/// </summary>
/// <remarks>
/// Part of <see cref="IMemoryStore"/>, which every store implements as a whole; the part names what a consumer that only
/// audits depends on. Erasing a scope (<see cref="IMemoryStore.EraseAsync"/>) keeps the scope's audit entries, with its
/// user, agent and session ids replaced by one random pseudonym: they hold no user text and still show what was done.
/// </remarks>
public interface IMemoryAuditLog
{
    /// <summary>Appends an audit entry that is not part of a record write (e.g. a redaction, an export).</summary>
    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads the audit trail, oldest first.</summary>
    IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
