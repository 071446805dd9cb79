namespace AgentMemory;

/// <summary>
/// One entry of the audit trail. It never holds memory text, so it survives erasure without keeping erased content.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>A store-assigned, increasing sequence number (0 before it is stored).</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>What happened.</summary>
    public required AuditAction Action { get; init; }

    /// <summary>The scope it happened in.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The memories concerned (empty for scope-level events).</summary>
    public IReadOnlyList<Guid> MemoryIds { get; init; } = [];

    /// <summary>For retrievals, a hash of the query (never the query itself).</summary>
    public string? QueryHash { get; init; }

    /// <summary>A short machine-readable reason or detail, never user text (e.g. "poisoning:instruction-override", "pii:email").</summary>
    public string? Detail { get; init; }

    /// <summary>A count, where the event concerns many items (e.g. the number of records erased).</summary>
    public long Count { get; init; }
}
