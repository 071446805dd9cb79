using AgentMemory.Vectors;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>
/// One instance's immutable copy of one exact scope's vectors and the fields filters read (no text), tagged with the
/// scope's version row. Readers share it without locks; a write anywhere bumps the version and the next recall
/// replaces the snapshot.
/// </summary>
internal sealed class ScopeSnapshot
{
    public ScopeSnapshot(long version, VectorPartition? vectors, Dictionary<Guid, MemoryRecord> headers)
    {
        Version = version;
        Vectors = vectors;
        Headers = headers;
        foreach (var h in headers.Values)
        {
            if (h.ExpiresAt is { } e && (EarliestExpiry is null || e < EarliestExpiry))
            {
                EarliestExpiry = e;
            }

            HoldsSuperseded |= h.IsSuperseded;
        }
    }

    /// <summary>Whether any header is superseded (then a recall for "now" must check each).</summary>
    public bool HoldsSuperseded { get; }

    /// <summary>The scope's version when the snapshot was read.</summary>
    public long Version { get; }

    /// <summary>The scope's vectors, or null when it holds none.</summary>
    public VectorPartition? Vectors { get; }

    /// <summary>Each vector's memory without text or embedding: what <see cref="MemoryFilter.Matches"/> and expiry read.</summary>
    public Dictionary<Guid, MemoryRecord> Headers { get; }

    /// <summary>The earliest expiry among the headers, if any.</summary>
    public DateTimeOffset? EarliestExpiry { get; }

    /// <summary>When this snapshot was last used (for eviction).</summary>
    public long LastUsed { get; set; }
}
