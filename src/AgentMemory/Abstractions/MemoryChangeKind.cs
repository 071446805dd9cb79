namespace AgentMemory;

/// <summary>What happened to a memory in one history entry.</summary>
public enum MemoryChangeKind
{
    /// <summary>The memory was created.</summary>
    Created = 0,

    /// <summary>The memory's content was refined or merged with new information.</summary>
    Updated = 1,

    /// <summary>The memory was replaced by a contradicting fact; the old text stays in history.</summary>
    Superseded = 2,

    /// <summary>The memory was deleted on request.</summary>
    Deleted = 3,

    /// <summary>The memory passed its expiry and was removed.</summary>
    Expired = 4,

    /// <summary>The memory was evicted to keep its scope within budget.</summary>
    Evicted = 5,
}
