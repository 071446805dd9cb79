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
    DateTimeOffset ErasedAt);
