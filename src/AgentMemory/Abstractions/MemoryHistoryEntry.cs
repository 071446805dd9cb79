namespace AgentMemory;

/// <summary>One change in a memory's life. History survives updates and deletions, and is removed by erasure.</summary>
/// <param name="MemoryId">The memory.</param>
/// <param name="Scope">The memory's scope.</param>
/// <param name="Version">The memory's version after the change.</param>
/// <param name="Change">What happened.</param>
/// <param name="PreviousText">The text before the change (null on creation).</param>
/// <param name="NewText">The text after the change (null on deletion, expiry and eviction).</param>
/// <param name="At">When it happened.</param>
/// <param name="Reason">Why, when known (e.g. "contradicted by a newer statement", "budget").</param>
public sealed record MemoryHistoryEntry(
    Guid MemoryId,
    MemoryScope Scope,
    long Version,
    MemoryChangeKind Change,
    string? PreviousText,
    string? NewText,
    DateTimeOffset At,
    string? Reason = null);
