namespace AgentMemory;

/// <summary>What an erasure removed: proof for a right-to-erasure request.</summary>
/// <param name="Scope">The erased scope (everything within it was removed).</param>
/// <param name="Records">Memories removed.</param>
/// <param name="HistoryEntries">History entries removed.</param>
/// <param name="PendingJobs">Queued formation jobs removed.</param>
/// <param name="QuarantinedItems">Quarantined candidates removed.</param>
/// <param name="ErasedAt">When the erasure completed.</param>
public sealed record ErasureReceipt(
    MemoryScope Scope,
    long Records,
    long HistoryEntries,
    long PendingJobs,
    long QuarantinedItems,
    DateTimeOffset ErasedAt)
{
    /// <summary>
    /// The scope under which the erased scope's audit trail is kept from now on: the erased identifiers replaced by a
    /// random pseudonym (see <see cref="Storage.MemoryErasure.CreateAuditScope"/>), so the trail proves what happened
    /// without naming whom it happened to. Query the audit log at this scope to find the erasure entry.
    /// </summary>
    public MemoryScope AuditScope { get; init; } = Scope;

    /// <summary>
    /// Whether erased content may still be recoverable from the store's files (for example SQLite could not checkpoint its
    /// write-ahead log because another connection held a read transaction). The records are gone from every read either
    /// way; the store finishes the physical scrub later on its own (on a retry or the next write), and this flag says the
    /// file-level guarantee was not yet reached when the receipt was written.
    /// </summary>
    public bool ScrubPending { get; init; }
}
