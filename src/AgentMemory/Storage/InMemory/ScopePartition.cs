using AgentMemory.Lexical;
using AgentMemory.Vectors;

namespace AgentMemory.Storage.InMemory;

/// <summary>
/// Everything one exact scope owns: records, their vectors and lexical index, history and quarantine.
/// Guarded by <see cref="Lock"/>: searches read under the read lock, writes hold the write lock.
/// </summary>
internal sealed class ScopePartition : IDisposable
{
    public ScopePartition(MemoryScope scope)
    {
        Scope = scope;
    }

    public MemoryScope Scope { get; }

    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);

    public Dictionary<Guid, MemoryRecord> Records { get; } = [];

    public Bm25Index Lexical { get; } = new();

    /// <summary>Created on the first vector stored (the dimension is store-wide).</summary>
    public VectorPartition? Vectors { get; set; }

    /// <summary>History per memory id; kept after deletion, removed by erasure.</summary>
    public Dictionary<Guid, List<MemoryHistoryEntry>> History { get; } = [];

    public List<QuarantinedMemory> Quarantine { get; } = [];

    /// <summary>The earliest expiry among the records (a lower bound; may be stale after removals), so unexpiring partitions skip checks.</summary>
    public DateTimeOffset? EarliestExpiry { get; set; }

    public int HistoryCount
    {
        get
        {
            var n = 0;
            foreach (var list in History.Values)
            {
                n += list.Count;
            }

            return n;
        }
    }

    public void AddHistory(MemoryHistoryEntry entry)
    {
        if (!History.TryGetValue(entry.MemoryId, out var list))
        {
            list = [];
            History[entry.MemoryId] = list;
        }

        list.Add(entry);
    }

    /// <summary>Whether a superseded record may be held (set when one is stored, never cleared), so partitions without any skip checks.</summary>
    public bool MayHoldSuperseded { get; set; }

    public void NoteExpiry(DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } e && (EarliestExpiry is null || e < EarliestExpiry))
        {
            EarliestExpiry = e;
        }
    }

    public void Dispose() => Lock.Dispose();
}
