using AgentMemory.Lexical;
using AgentMemory.Vectors;

namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// One scope's records and vectors held in memory, valid for one <see cref="Generation"/> of the scope's row in the
/// file. Readers check the generation per recall (one indexed read) and reload the scope when another process changed
/// it; writes of this process are applied in place. Guarded by <see cref="Sync"/>.
/// </summary>
internal sealed class ScopeCache
{
    private readonly VectorPartitionOptions _vectorOptions;
    private readonly int _quantizeAt;

    /// <summary>The scope's BM25 index over text and context, built on the first lexical search (null until then).</summary>
    private Bm25Index? _lexical;

    /// <summary>How many cached records there are of each <see cref="MemoryKind"/>, so a kind-filtered search of a scope holding none returns at once.</summary>
    private readonly int[] _kindCounts = new int[Enum.GetValues<MemoryKind>().Length];

    /// <param name="scopeId">The scope's row id.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="vectorOptions">How partitions scan.</param>
    /// <param name="quantizeAt">
    /// When <paramref name="vectorOptions"/> asks for an exact scan, the row count at which the partition switches to the
    /// int8 scan with exact re-scoring (<see cref="int.MaxValue"/>: never).
    /// </param>
    public ScopeCache(long scopeId, MemoryScope scope, VectorPartitionOptions vectorOptions, int quantizeAt = int.MaxValue)
    {
        ScopeId = scopeId;
        Scope = scope;
        _vectorOptions = vectorOptions;
        _quantizeAt = quantizeAt;
    }

    public long ScopeId { get; }

    public MemoryScope Scope { get; }

    public Lock Sync { get; } = new();

    /// <summary>The generation the cached content matches; -1 when it must be reloaded.</summary>
    public long Generation { get; set; } = -1;

    public Dictionary<Guid, MemoryRecord> Records { get; } = [];

    public Dictionary<long, Guid> RowIds { get; } = [];

    public Dictionary<Guid, long> RowOf { get; } = [];

    public VectorPartition? Vectors { get; set; }

    /// <summary>The earliest expiry held (a filter is needed at recall once it has passed).</summary>
    public DateTimeOffset? EarliestExpiry { get; set; }

    /// <summary>Whether a superseded record may be held (set when one is put, cleared with the cache).</summary>
    public bool MayHoldSuperseded { get; set; }

    /// <summary>When a recall last used the cache (for eviction), in <see cref="Environment.TickCount64"/>.</summary>
    public long LastUsed { get; set; }

    /// <summary>Whether the cache holds a record of any of <paramref name="kinds"/> (null: of any kind), without a scan.</summary>
    public bool HoldsAnyOf(IReadOnlySet<MemoryKind>? kinds)
    {
        if (kinds is null)
        {
            return Records.Count > 0;
        }

        foreach (var kind in kinds)
        {
            if ((uint)kind < (uint)_kindCounts.Length && _kindCounts[(int)kind] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Which cached records a search may return under <paramref name="filter"/> at <paramref name="now"/> (unexpired and
    /// matching), or null when every record may: no filter and nothing expired yet, the common case, costs no check.
    /// </summary>
    public Func<Guid, bool>? Include(MemoryFilter filter, DateTimeOffset now)
    {
        if (ReferenceEquals(filter, MemoryFilter.None) && !MayHoldSuperseded && (EarliestExpiry is not { } e || e > now))
        {
            return null;
        }

        var records = Records;
        return id => records.TryGetValue(id, out var r) && !r.IsExpired(now) && filter.Matches(r);
    }

    /// <summary>
    /// The best <paramref name="limit"/> records for <paramref name="text"/> by BM25 over this scope's memories (text and
    /// context, the core's analyzer), building the index from the cached records on first use.
    /// </summary>
    public IReadOnlyList<LexicalMatch> SearchLexical(string text, int limit, Func<Guid, bool>? include)
    {
        if (_lexical is null)
        {
            _lexical = new Bm25Index();
            foreach (var record in Records.Values)
            {
                _lexical.Upsert(record.Id, record.Text, record.Context);
            }
        }

        return _lexical.Search(text, limit, include);
    }

    public void Clear()
    {
        _lexical = null;
        Array.Clear(_kindCounts);
        Records.Clear();
        RowIds.Clear();
        RowOf.Clear();
        Vectors?.Clear();
        EarliestExpiry = null;
        MayHoldSuperseded = false;
        Generation = -1;
    }

    /// <summary>Adds or replaces a record (stored without its embedding; the vector lives in the partition).</summary>
    public void Put(long rowId, MemoryRecord record, ReadOnlySpan<float> vector)
    {
        if (Records.TryGetValue(record.Id, out _))
        {
            Remove(record.Id);
        }

        Records[record.Id] = record.Embedding.IsEmpty ? record : record with { Embedding = ReadOnlyMemory<float>.Empty };
        CountKind(record.Kind, 1);
        _lexical?.Upsert(record.Id, record.Text, record.Context);
        RowIds[rowId] = record.Id;
        RowOf[record.Id] = rowId;
        if (!vector.IsEmpty)
        {
            (Vectors ??= new VectorPartition(vector.Length, _vectorOptions, Math.Max(16, Records.Count))).Upsert(record.Id, vector);
            if (Vectors.Mode == VectorSearchMode.Exact && Vectors.Count >= _quantizeAt)
            {
                Quantize();
            }
        }

        if (record.ExpiresAt is { } e && (EarliestExpiry is null || e < EarliestExpiry))
        {
            EarliestExpiry = e;
        }

        MayHoldSuperseded |= record.IsSuperseded;
    }

    /// <summary>Rebuilds the partition with the int8 scan (same vectors, same ids; the float rows are kept for re-scoring).</summary>
    private void Quantize()
    {
        var exact = Vectors!;
        var options = new VectorPartitionOptions
        {
            Mode = VectorSearchMode.Int8,
            ParallelThreshold = _vectorOptions.ParallelThreshold,
            MaxDegreeOfParallelism = _vectorOptions.MaxDegreeOfParallelism,
            RescoreFactor = _vectorOptions.RescoreFactor,
        };
        var quantized = new VectorPartition(exact.Dimension, options, Math.Max(exact.Count * 2, 16));
        var vector = new float[exact.Dimension];
        foreach (var id in Records.Keys)
        {
            if (exact.TryCopyVector(id, vector))
            {
                quantized.Upsert(id, vector);
            }
        }

        Vectors = quantized;
    }

    public void Remove(Guid id)
    {
        if (Records.Remove(id, out var removed))
        {
            CountKind(removed.Kind, -1);
            _lexical?.Remove(id);
            Vectors?.Remove(id);
            if (RowOf.Remove(id, out var row))
            {
                RowIds.Remove(row);
            }
        }
    }

    private void CountKind(MemoryKind kind, int delta)
    {
        if ((uint)kind < (uint)_kindCounts.Length)
        {
            _kindCounts[(int)kind] += delta;
        }
    }

    /// <summary>The record with its embedding attached (copied out of the partition), for returning to a caller.</summary>
    public MemoryRecord WithVector(MemoryRecord record)
    {
        if (Vectors is null)
        {
            return record;
        }

        var vector = new float[Vectors.Dimension];
        return Vectors.TryCopyVector(record.Id, vector) ? record with { Embedding = vector } : record;
    }
}
