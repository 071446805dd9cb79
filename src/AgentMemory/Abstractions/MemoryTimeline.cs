namespace AgentMemory;

/// <summary>
/// How a fact's versions are linked when one supersedes another: the old memory is kept (with
/// <see cref="MemoryRecord.ValidTo"/> set) and names its successor, the new memory names its predecessor.
/// <see cref="IAgentMemory.GetHistoryAsync"/> follows these links to return the fact's whole timeline.
/// </summary>
internal static class MemoryTimeline
{
    /// <summary>The metadata key on a new memory naming the memory it superseded (an id, "D" format).</summary>
    public const string SupersedesKey = "supersedes";

    /// <summary>The metadata key on a superseded memory naming the memory that superseded it (an id, "D" format).</summary>
    public const string SupersededByKey = "superseded_by";

    /// <summary>The longest chain of versions followed in either direction.</summary>
    public const int MaxLinks = 64;

    /// <summary>The id a memory's metadata names under <paramref name="key"/>, if any.</summary>
    /// <param name="record">The memory.</param>
    /// <param name="key"><see cref="SupersedesKey"/> or <see cref="SupersededByKey"/>.</param>
    public static Guid? Link(MemoryRecord record, string key)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Metadata.TryGetValue(key, out var value) && Guid.TryParse(value, out var id) ? id : null;
    }
}
