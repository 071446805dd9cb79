using System.Buffers;

namespace AgentMemory.Vectors;

internal sealed partial class VectorPartition
{
    /// <summary>
    /// Scores several queries in one pass over the rows (each block of rows is read from memory once and scored against
    /// every query while it is in cache), for query expansion. Query <c>i</c>'s top-k go to
    /// <paramref name="results"/>[i × k .. (i + 1) × k), best first, and their count to <paramref name="counts"/>[i];
    /// k is <paramref name="results"/>.Length / <paramref name="counts"/>.Length. Each query gets the same results as
    /// <see cref="Search"/> on a single thread.
    /// </summary>
    /// <param name="queries">The normalised queries, row-major, <see cref="Dimension"/> floats each.</param>
    /// <param name="results">k slots per query.</param>
    /// <param name="counts">One slot per query; its length is the number of queries.</param>
    /// <param name="include">Optional pure row filter, as for <see cref="Search"/>.</param>
    /// <exception cref="InvalidMemoryException">A query has the wrong dimension or holds NaN or infinity.</exception>
    /// <exception cref="ArgumentException">The spans do not agree on the number of queries.</exception>
    public void SearchBatch(ReadOnlySpan<float> queries, Span<VectorMatch> results, Span<int> counts, Func<Guid, bool>? include = null)
    {
        var queryCount = counts.Length;
        if ((long)queryCount * Dimension != queries.Length)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"Expected {queryCount} queries of {Dimension} dimensions ({(long)queryCount * Dimension} floats), got {queries.Length}.", nameof(queries));
        }

        if (queryCount == 0)
        {
            return;
        }

        if (results.Length % queryCount != 0)
        {
            throw new ArgumentException("The results must hold the same number of slots (k) for every query.", nameof(results));
        }

        for (var q = 0; q < queryCount; q++)
        {
            ValidateQuery(queries.Slice(q * Dimension, Dimension), Dimension, nameof(queries));
        }

        counts.Clear();
        var k = results.Length / queryCount;
        if (k == 0 || Count == 0)
        {
            return;
        }

        var candidates = CandidateCount(k, Count);
        if (_mode == VectorSearchMode.Exact || candidates >= Count || !SearchBatchInt8(queries, results, counts, include, k, candidates))
        {
            SearchBatchExact(queries, results, counts, include, k);
        }
    }

    private void SearchBatchExact(ReadOnlySpan<float> queries, Span<VectorMatch> results, Span<int> counts, Func<Guid, bool>? include, int k)
    {
        var dimension = Dimension;
        for (var chunk = 0; chunk < Count; chunk += ChunkRows)
        {
            var end = Math.Min(Count, chunk + ChunkRows);
            for (var q = 0; q < counts.Length; q++)
            {
                ScanExact(queries.Slice(q * dimension, dimension), chunk, end, results.Slice(q * k, k), ref counts[q], include);
            }
        }

        for (var q = 0; q < counts.Length; q++)
        {
            TopKCollector.Complete(results.Slice(q * k, k), counts[q]);
        }
    }

    /// <summary>The int8 batch; false (nothing written) when a query quantises to zero and the exact batch must run.</summary>
    private bool SearchBatchInt8(ReadOnlySpan<float> queries, Span<VectorMatch> results, Span<int> counts, Func<Guid, bool>? include, int k, int candidates)
    {
        var queryCount = counts.Length;
        var dimension = Dimension;
        var stride = _codeStride;
        var preparedLength = Int8BlockKernel.PreparedLength(stride);
        var prepared = ArrayPool<int>.Shared.Rent(queryCount * preparedLength);
        var heaps = ArrayPool<RowScore>.Shared.Rent(queryCount * candidates);
        var found = ArrayPool<int>.Shared.Rent(queryCount);
        try
        {
            for (var q = 0; q < queryCount; q++)
            {
                if (!PrepareInt8Query(queries.Slice(q * dimension, dimension), prepared.AsSpan(q * preparedLength, preparedLength)))
                {
                    return false;
                }

                found[q] = 0;
            }

            for (var chunk = 0; chunk < Count; chunk += ChunkRows)
            {
                var end = Math.Min(Count, chunk + ChunkRows);
                for (var q = 0; q < queryCount; q++)
                {
                    ScanInt8(prepared.AsSpan(q * preparedLength, preparedLength), chunk, end, heaps.AsSpan(q * candidates, candidates), ref found[q], include);
                }
            }

            for (var q = 0; q < queryCount; q++)
            {
                var heap = results.Slice(q * k, k);
                Rescore(queries.Slice(q * dimension, dimension), heaps.AsSpan(q * candidates, found[q]), heap, ref counts[q]);
                TopKCollector.Complete(heap, counts[q]);
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(prepared);
            ArrayPool<RowScore>.Shared.Return(heaps);
            ArrayPool<int>.Shared.Return(found);
        }
    }
}
