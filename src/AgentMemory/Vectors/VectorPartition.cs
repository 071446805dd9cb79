using System.Runtime.InteropServices;

namespace AgentMemory.Vectors;

/// <summary>
/// The vectors of one scope, stored contiguously (one normalised float32 row per memory) so a query scans them with
/// SIMD and selects top-k with a bounded heap. In <see cref="VectorSearchMode.Exact"/> mode the rows are kept in
/// blocks of 32, dimension-major within a block (<see cref="BlockedRows"/>), which a scan reads at the speed of
/// memory, unless <see cref="VectorPartitionOptions.Layout"/> asks for row-major rows. In <see cref="VectorSearchMode.Int8"/> mode the float rows are row-major, for re-scoring single rows, and
/// each row is also held as int8 codes with one scale per row, in the same blocked layout (four codes per element),
/// scanned first; the best candidates are re-scored exactly. Large
/// partitions are scanned in parallel above <see cref="VectorPartitionOptions.ParallelThreshold"/> rows. Not
/// thread-safe: readers may run concurrently with each other, writers need exclusive access (stores guard it with a
/// reader/writer lock).
/// </summary>
internal sealed partial class VectorPartition
{
    private readonly Dictionary<Guid, int> _rows;
    private readonly VectorSearchMode _mode;
    private readonly int _parallelThreshold;
    private readonly int _maxDegreeOfParallelism;
    private readonly int _rescoreFactor;
    private readonly int _codeStride;
    private readonly bool _blockedFloats; // exact mode: float rows in BlockedRows layout; int8 mode: row-major floats, blocked codes
    private float[] _data;
    private Guid[] _ids;
    private sbyte[] _codes;
    private float[] _scales;
    private ParallelScan? _spareScan;

    /// <summary>Creates an empty partition for vectors of <paramref name="dimension"/> floats, with default options.</summary>
    public VectorPartition(int dimension, int initialCapacity = 16)
        : this(dimension, null, initialCapacity)
    {
    }

    /// <summary>Creates an empty partition for vectors of <paramref name="dimension"/> floats.</summary>
    /// <param name="dimension">The number of floats per vector.</param>
    /// <param name="options">How the partition stores and scans (copied; null means the defaults).</param>
    /// <param name="initialCapacity">Rows to reserve.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument or option is out of range.</exception>
    public VectorPartition(int dimension, VectorPartitionOptions? options, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        options ??= new VectorPartitionOptions();
        options.Validate();
        Dimension = dimension;
        _mode = options.Mode;
        _parallelThreshold = options.ParallelThreshold;
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        _rescoreFactor = options.RescoreFactor;
        _codeStride = Int8Kernels.Stride(dimension);
        _blockedFloats = _mode == VectorSearchMode.Exact && options.Layout == VectorLayout.Blocked;
        var capacity = BlockedRows.RoundUp(Math.Max(initialCapacity, 1));
        _rows = new Dictionary<Guid, int>(initialCapacity);
        _data = PrefaultedArray.Allocate<float>((long)capacity * dimension);
        _ids = PrefaultedArray.Allocate<Guid>(capacity);
        _codes = _mode == VectorSearchMode.Int8 ? PrefaultedArray.Allocate<sbyte>((long)capacity * _codeStride) : [];
        _scales = _mode == VectorSearchMode.Int8 ? PrefaultedArray.Allocate<float>(capacity) : [];
    }

    /// <summary>The number of floats per vector.</summary>
    public int Dimension { get; }

    /// <summary>How this partition scans.</summary>
    public VectorSearchMode Mode => _mode;

    /// <summary>The number of vectors held.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of float data held (Count × Dimension × 4).</summary>
    public long DataBytes => (long)Count * Dimension * sizeof(float);

    /// <summary>
    /// The bytes of int8 data held in <see cref="VectorSearchMode.Int8"/> mode (Count × (Dimension rounded up to 32 +
    /// 4 for the scale)), in addition to <see cref="DataBytes"/>; 0 in exact mode.
    /// </summary>
    public long QuantizedBytes => _mode == VectorSearchMode.Int8 ? (long)Count * (_codeStride + sizeof(float)) : 0;

    /// <summary>The float data in use (in exact mode, blocked), for benchmarks that measure reading the same buffer.</summary>
    internal ReadOnlySpan<float> RawData => _data.AsSpan(0, Count * Dimension);

    /// <summary>The int8 codes as blocked elements of four codes each.</summary>
    private Span<int> CodeElements => MemoryMarshal.Cast<sbyte, int>(_codes.AsSpan());

    /// <summary>Whether the partition holds a vector for <paramref name="id"/>.</summary>
    public bool Contains(Guid id) => _rows.ContainsKey(id);

    /// <summary>Adds or replaces the vector for <paramref name="id"/>. The vector is validated and normalised on the way in.</summary>
    /// <exception cref="InvalidMemoryException">Wrong dimension, zero, NaN or infinite.</exception>
    public void Upsert(Guid id, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimension)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"Expected a vector of {Dimension} dimensions, got {vector.Length}.", nameof(vector));
        }

        VectorMath.Validate(vector, nameof(vector));
        if (!_rows.TryGetValue(id, out var row))
        {
            EnsureCapacity(Count + 1);
            row = Count++;
            _rows[id] = row;
            _ids[row] = id;
        }

        if (_blockedFloats)
        {
            Span<float> normalised = Dimension <= 1_024 ? stackalloc float[Dimension] : new float[Dimension];
            VectorMath.Normalize(vector, normalised);
            BlockedRows.Write(_data, row, normalised);
            return;
        }

        var target = _data.AsSpan(row * Dimension, Dimension);
        VectorMath.Normalize(vector, target);
        if (_mode == VectorSearchMode.Int8)
        {
            Span<sbyte> codes = _codeStride <= 4_096 ? stackalloc sbyte[_codeStride] : new sbyte[_codeStride];
            _scales[row] = Int8Kernels.Quantize(target, codes);
            BlockedRows.Write(CodeElements, row, MemoryMarshal.Cast<sbyte, int>(codes));
        }
    }

    /// <summary>Removes the vector for <paramref name="id"/> (the last row moves into its place, so rows stay dense).</summary>
    public bool Remove(Guid id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return false;
        }

        var last = Count - 1;
        _ids[row] = _ids[last];
        _ids[last] = Guid.Empty;
        Count--;
        if (row != last)
        {
            _rows[_ids[row]] = row;
        }

        if (_blockedFloats)
        {
            if (row != last)
            {
                BlockedRows.Move(_data, last, row, Dimension);
            }
            else
            {
                BlockedRows.Clear(_data, last, Dimension);
            }

            return true;
        }

        if (row != last)
        {
            _data.AsSpan(last * Dimension, Dimension).CopyTo(_data.AsSpan(row * Dimension, Dimension));
            if (_mode == VectorSearchMode.Int8)
            {
                BlockedRows.Move(CodeElements, last, row, _codeStride / 4);
                _scales[row] = _scales[last];
            }
        }

        _data.AsSpan(last * Dimension, Dimension).Clear();
        if (_mode == VectorSearchMode.Int8)
        {
            BlockedRows.Clear(CodeElements, last, _codeStride / 4);
            _scales[last] = 0f;
        }

        return true;
    }

    /// <summary>Removes every vector.</summary>
    public void Clear()
    {
        _rows.Clear();
        Array.Clear(_data);
        Array.Clear(_ids);
        Array.Clear(_codes);
        Array.Clear(_scales);
        Count = 0;
    }

    /// <summary>A copy of the stored (normalised) vector of <paramref name="id"/>, or an empty span.</summary>
    public ReadOnlySpan<float> GetVector(Guid id)
    {
        var vector = new float[Dimension];
        return TryCopyVector(id, vector) ? vector : [];
    }

    /// <summary>Copies the stored (normalised) vector of <paramref name="id"/> into <paramref name="destination"/>.</summary>
    /// <returns>False (nothing written) when the partition holds no vector for <paramref name="id"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not <see cref="Dimension"/> long.</exception>
    public bool TryCopyVector(Guid id, Span<float> destination)
    {
        if (destination.Length != Dimension)
        {
            throw new ArgumentException($"Expected a destination of {Dimension} floats, got {destination.Length}.", nameof(destination));
        }

        if (!_rows.TryGetValue(id, out var row))
        {
            return false;
        }

        if (_blockedFloats)
        {
            BlockedRows.Read(_data, row, destination);
        }
        else
        {
            _data.AsSpan(row * Dimension, Dimension).CopyTo(destination);
        }

        return true;
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _ids.Length)
        {
            return;
        }

        var capacity = BlockedRows.RoundUp(Math.Max(rows, _ids.Length * 2));
        PrefaultedArray.Grow(ref _data, (long)capacity * Dimension);
        PrefaultedArray.Grow(ref _ids, capacity);
        if (_mode == VectorSearchMode.Int8)
        {
            PrefaultedArray.Grow(ref _codes, (long)capacity * _codeStride);
            PrefaultedArray.Grow(ref _scales, capacity);
        }
    }
}
