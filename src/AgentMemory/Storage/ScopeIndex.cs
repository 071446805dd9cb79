using AgentMemory.Lexical;
using AgentMemory.Vectors;

namespace AgentMemory.Storage;

/// <summary>
/// The candidate index of one exact scope, the one every store searches through: its records (headers, or whole
/// records where a store keeps them here), their vectors in a SIMD <see cref="VectorPartition"/>, a BM25 index built on
/// first use, counts per <see cref="MemoryKind"/>, the earliest expiry, and the <see cref="Generation"/> of the scope's
/// rows it reflects. Guarded by <see cref="Lock"/>: searches hold it shared, writes exclusively.
/// </summary>
/// <remarks>
/// A store supplies the rows (<see cref="Put"/>, <see cref="Remove"/>) and the generation; the index answers
/// <see cref="CandidateSearch"/>. Records are held as given, so a store that keeps embeddings elsewhere passes records
/// without them and <see cref="WithVector"/> attaches the vector on the way out.
/// </remarks>
internal sealed class ScopeIndex : IDisposable
{
    private static readonly int KindCount = Enum.GetValues<MemoryKind>().Length;

    private readonly VectorPartitionOptions _vectorOptions;
    private readonly int _quantizeAt;
    private readonly Lock _lexicalBuild = new();
    private readonly int[] _kindCounts = new int[KindCount];
    private readonly Dictionary<long, Guid>? _rowIds;
    private readonly Dictionary<Guid, long>? _rowOf;
    private readonly bool _keepEmbeddings;
    private Bm25Index? _lexical;
    private int _lexicalClaimed;
    private int _capacityHint;

    /// <param name="scope">The exact scope indexed.</param>
    /// <param name="vectorOptions">How the vectors are stored and scanned.</param>
    /// <param name="quantizeAt">
    /// When <paramref name="vectorOptions"/> asks for an exact scan, the row count at which the vectors switch to the int8
    /// scan with exact re-scoring (<see cref="int.MaxValue"/>: never).
    /// </param>
    /// <param name="trackRows">Whether records carry the store's row id (<see cref="TryGetByRow"/>).</param>
    /// <param name="keepEmbeddings">Whether records are held with their embeddings (false: without; the vectors hold them once).</param>
    public ScopeIndex(MemoryScope scope, VectorPartitionOptions? vectorOptions = null, int quantizeAt = int.MaxValue, bool trackRows = false, bool keepEmbeddings = true)
    {
        Scope = scope;
        _keepEmbeddings = keepEmbeddings;
        _vectorOptions = vectorOptions ?? new VectorPartitionOptions();
        _quantizeAt = quantizeAt;
        if (trackRows)
        {
            _rowIds = [];
            _rowOf = [];
        }
    }

    public MemoryScope Scope { get; }

    /// <summary>Searches hold it shared; writes (and reloads) hold it exclusively.</summary>
    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);

    /// <summary>The generation of the scope's rows the content reflects; -1 when it must be reloaded.</summary>
    public long Generation { get; set; } = -1;

    /// <summary>When a search last used the index (for eviction by <see cref="ScopeIndexCache{TKey}"/>).</summary>
    public long LastUsed { get; set; }

    public Dictionary<Guid, MemoryRecord> Records { get; } = [];

    /// <summary>The scope's vectors; null until the first one.</summary>
    public VectorPartition? Vectors { get; private set; }

    /// <summary>Whether the BM25 index is built (it is built on the first lexical search, or by <see cref="BuildLexical"/>).</summary>
    public bool HasLexical => Volatile.Read(ref _lexical) is not null;

    /// <summary>The earliest expiry held (a lower bound: may be stale after removals until <see cref="RecomputeExpiry"/>).</summary>
    public DateTimeOffset? EarliestExpiry { get; private set; }

    /// <summary>Whether a superseded record may be held (set when one is put, cleared with the index).</summary>
    public bool MayHoldSuperseded { get; private set; }

    /// <summary>Whether the index holds a record of any of <paramref name="kinds"/> (null: of any kind), without a scan.</summary>
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
    /// Which records a search may return under <paramref name="filter"/> at <paramref name="now"/> (unexpired and
    /// matching), or null when every record may: no filter and nothing expired or superseded, the common case, costs no check.
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

    /// <summary>Adds or replaces a record and its vector (empty: none); caller holds the write lock.</summary>
    /// <param name="record">The record as the index should hold it.</param>
    /// <param name="vector">Its L2-normalised vector, or empty.</param>
    /// <param name="row">The store's row id, when the index tracks rows.</param>
    public void Put(MemoryRecord record, ReadOnlySpan<float> vector, long row = 0)
    {
        if (Records.Remove(record.Id, out var replaced))
        {
            CountKind(replaced.Kind, -1);
        }

        Records[record.Id] = _keepEmbeddings || record.Embedding.IsEmpty ? record : record with { Embedding = ReadOnlyMemory<float>.Empty };
        CountKind(record.Kind, 1);
        _lexical?.Upsert(record.Id, record.Text, record.Context);
        if (_rowIds is not null && _rowOf is not null)
        {
            if (_rowOf.Remove(record.Id, out var old))
            {
                _rowIds.Remove(old);
            }

            _rowIds[row] = record.Id;
            _rowOf[record.Id] = row;
        }

        if (vector.IsEmpty)
        {
            Vectors?.Remove(record.Id);
        }
        else
        {
            (Vectors ??= NewVectors(vector.Length)).Upsert(record.Id, vector);
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

    /// <summary>Replaces a record's fields only (same text, same vector: e.g. an access count); caller holds the write lock.</summary>
    public void Replace(MemoryRecord record) => Records[record.Id] = record;

    /// <summary>Removes a record with its vector and index entry; caller holds the write lock.</summary>
    public bool Remove(Guid id, out MemoryRecord? removed)
    {
        if (!Records.Remove(id, out removed))
        {
            return false;
        }

        CountKind(removed.Kind, -1);
        _lexical?.Remove(id);
        Vectors?.Remove(id);
        if (_rowOf is not null && _rowOf.Remove(id, out var row))
        {
            _rowIds!.Remove(row);
        }

        return true;
    }

    /// <summary>The record held for the store's row id <paramref name="row"/>, when the index tracks rows.</summary>
    public bool TryGetByRow(long row, out MemoryRecord record)
    {
        if (_rowIds is not null && _rowIds.TryGetValue(row, out var id) && Records.TryGetValue(id, out record!))
        {
            return true;
        }

        record = null!;
        return false;
    }

    /// <summary>Recomputes <see cref="EarliestExpiry"/> from the records (after removing expired ones).</summary>
    public void RecomputeExpiry() => EarliestExpiry = Records.Values.Select(r => r.ExpiresAt).Where(e => e is not null).Min();

    /// <summary>
    /// Before a load of <paramref name="rows"/> records: sizes the vectors for them, and starts them in the int8 scan
    /// when they will reach the quantization threshold anyway (no rebuild half way).
    /// </summary>
    public void Reserve(int rows)
    {
        _capacityHint = rows;
        Records.EnsureCapacity(rows);
        _rowIds?.EnsureCapacity(rows);
        _rowOf?.EnsureCapacity(rows);
    }

    /// <summary>Whether the caller is the first to ask to build the BM25 index in the background (once per load).</summary>
    public bool TryClaimLexicalBuild() => !HasLexical && Interlocked.Exchange(ref _lexicalClaimed, 1) == 0;

    /// <summary>Empties the index and marks it for reload; caller holds the write lock.</summary>
    public void Clear()
    {
        _lexical = null;
        _lexicalClaimed = 0;
        _capacityHint = 0;
        Array.Clear(_kindCounts);
        Records.Clear();
        _rowIds?.Clear();
        _rowOf?.Clear();
        Vectors = null;
        EarliestExpiry = null;
        MayHoldSuperseded = false;
        Generation = -1;
    }

    /// <summary>Builds the BM25 index when it is not built yet; caller holds the lock (shared or exclusive).</summary>
    public void BuildLexical()
    {
        if (Volatile.Read(ref _lexical) is not null)
        {
            return;
        }

        lock (_lexicalBuild)
        {
            if (_lexical is not null)
            {
                return;
            }

            var index = new Bm25Index();
            foreach (var record in Records.Values)
            {
                index.Upsert(record.Id, record.Text, record.Context);
            }

            Volatile.Write(ref _lexical, index);
        }
    }

    /// <summary>The best <paramref name="limit"/> records by BM25 over text and context, building the index on first use; caller holds the lock.</summary>
    public IReadOnlyList<LexicalMatch> SearchLexical(string text, int limit, Func<Guid, bool>? include)
    {
        BuildLexical();
        return _lexical!.Search(text, limit, include);
    }

    /// <summary>The record with its embedding attached (copied out of the vectors) when it is held without one.</summary>
    public MemoryRecord WithVector(MemoryRecord record)
    {
        if (Vectors is null || !record.Embedding.IsEmpty)
        {
            return record;
        }

        var vector = new float[Vectors.Dimension];
        return Vectors.TryCopyVector(record.Id, vector) ? record with { Embedding = vector } : record;
    }

    public void Dispose() => Lock.Dispose();

    private VectorPartition NewVectors(int dimension)
    {
        var rows = Math.Max(16, Math.Max(Records.Count, _capacityHint));
        return _vectorOptions.Mode == VectorSearchMode.Exact && _capacityHint >= _quantizeAt
            ? new VectorPartition(dimension, Int8Options(), rows)
            : new VectorPartition(dimension, _vectorOptions, rows);
    }

    private VectorPartitionOptions Int8Options() => new()
    {
        Mode = VectorSearchMode.Int8,
        ParallelThreshold = _vectorOptions.ParallelThreshold,
        MaxDegreeOfParallelism = _vectorOptions.MaxDegreeOfParallelism,
        RescoreFactor = _vectorOptions.RescoreFactor,
    };

    /// <summary>Rebuilds the vectors with the int8 scan (same vectors, same ids; the float rows are kept for re-scoring).</summary>
    private void Quantize()
    {
        var exact = Vectors!;
        var quantized = new VectorPartition(exact.Dimension, Int8Options(), Math.Max(exact.Count * 2, 16));
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

    private void CountKind(MemoryKind kind, int delta)
    {
        if ((uint)kind < (uint)_kindCounts.Length)
        {
            _kindCounts[(int)kind] += delta;
        }
    }
}
