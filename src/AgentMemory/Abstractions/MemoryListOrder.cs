namespace AgentMemory;

/// <summary>The order of a listing. Memories with the same timestamp are ordered by id, so every order is total.</summary>
public enum MemoryListOrder
{
    /// <summary>Oldest first by <see cref="MemoryRecord.CreatedAt"/> (the default).</summary>
    CreatedAscending = 0,

    /// <summary>Newest first by <see cref="MemoryRecord.CreatedAt"/>.</summary>
    CreatedDescending = 1,

    /// <summary>Least recently changed first by <see cref="MemoryRecord.UpdatedAt"/>.</summary>
    UpdatedAscending = 2,

    /// <summary>Most recently changed first by <see cref="MemoryRecord.UpdatedAt"/>.</summary>
    UpdatedDescending = 3,
}
