namespace AgentMemory.Storage.InMemory;

/// <summary>
/// Everything one exact scope owns: its candidate index (records, vectors, lexical index), history and quarantine.
/// Guarded by <see cref="Lock"/> (the index's): searches read under the read lock, writes hold the write lock.
/// </summary>
internal sealed class ScopePartition : IDisposable
{
    public ScopePartition(MemoryScope scope, InMemoryStoreOptions options)
    {
        Scope = scope;
        Index = new ScopeIndex(scope, options.Vectors, options.QuantizeAtRows ?? int.MaxValue);
    }

    public MemoryScope Scope { get; }

    /// <summary>The scope's records, vectors and BM25 index: what searches read.</summary>
    public ScopeIndex Index { get; }

    public ReaderWriterLockSlim Lock => Index.Lock;

    public Dictionary<Guid, MemoryRecord> Records => Index.Records;

    /// <summary>History per memory id; kept after deletion, removed by erasure.</summary>
    public Dictionary<Guid, List<MemoryHistoryEntry>> History { get; } = [];

    public List<QuarantinedMemory> Quarantine { get; } = [];

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

    public void Dispose() => Index.Dispose();
}
