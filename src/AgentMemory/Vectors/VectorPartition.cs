using System.Numerics.Tensors;

namespace AgentMemory.Vectors;

/// <summary>
/// The vectors of one scope, stored contiguously (row-major, one normalised float32 row per memory) so a query scans
/// them with SIMD and selects top-k with a bounded heap. Not thread-safe: readers may run concurrently with each other,
/// writers need exclusive access (stores guard it with a reader/writer lock).
/// </summary>
public sealed class VectorPartition
{
    private float[] _data;
    private Guid[] _ids;
    private readonly Dictionary<Guid, int> _rows = [];

    /// <summary>Creates an empty partition for vectors of <paramref name="dimension"/> floats.</summary>
    public VectorPartition(int dimension, int initialCapacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        Dimension = dimension;
        var capacity = Math.Max(initialCapacity, 1);
        _data = new float[capacity * dimension];
        _ids = new Guid[capacity];
    }

    /// <summary>The number of floats per vector.</summary>
    public int Dimension { get; }

    /// <summary>The number of vectors held.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of float data held (Count × Dimension × 4).</summary>
    public long DataBytes => (long)Count * Dimension * sizeof(float);

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

        VectorMath.Normalize(vector, _data.AsSpan(row * Dimension, Dimension));
    }

    /// <summary>Removes the vector for <paramref name="id"/> (the last row moves into its place).</summary>
    public bool Remove(Guid id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return false;
        }

        var last = Count - 1;
        if (row != last)
        {
            _data.AsSpan(last * Dimension, Dimension).CopyTo(_data.AsSpan(row * Dimension, Dimension));
            _ids[row] = _ids[last];
            _rows[_ids[row]] = row;
        }

        _ids[last] = Guid.Empty;
        Count--;
        return true;
    }

    /// <summary>Removes every vector.</summary>
    public void Clear()
    {
        _rows.Clear();
        Array.Clear(_data);
        Array.Clear(_ids);
        Count = 0;
    }

    /// <summary>The stored (normalised) vector of <paramref name="id"/>, or an empty span.</summary>
    public ReadOnlySpan<float> GetVector(Guid id)
        => _rows.TryGetValue(id, out var row) ? _data.AsSpan(row * Dimension, Dimension) : [];

    /// <summary>
    /// Writes the best matches for <paramref name="query"/> into <paramref name="results"/> (its length is k), best first,
    /// and returns how many were written. Allocates nothing.
    /// </summary>
    /// <param name="query">A normalised query of <see cref="Dimension"/> floats.</param>
    /// <param name="results">Where the top-k go; its length is k.</param>
    /// <param name="include">Optional row filter; rows for which it returns false are skipped.</param>
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<Guid, bool>? include = null)
    {
        if (query.Length != Dimension)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"Expected a query of {Dimension} dimensions, got {query.Length}.", nameof(query));
        }

        var collector = new TopKCollector(results);
        var data = _data.AsSpan(0, Count * Dimension);
        for (var row = 0; row < Count; row++)
        {
            var id = _ids[row];
            if (include is not null && !include(id))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(data.Slice(row * Dimension, Dimension), query);
            collector.Add(id, score);
        }

        return collector.Complete();
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _ids.Length * 2);
        Array.Resize(ref _data, capacity * Dimension);
        Array.Resize(ref _ids, capacity);
    }
}
