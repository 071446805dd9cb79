using System.Buffers;

namespace AgentMemory.Vectors;

internal sealed partial class VectorPartition
{
    /// <summary>Rows scored per kernel call: 64 rows of 384 floats (96 KiB) stay in L2 for a batch of queries.</summary>
    private const int ChunkRows = 64;

    /// <summary>A parallel worker gets at least this many rows, so tiny partitions are never split.</summary>
    private const int MinRowsPerWorker = 4_096;

    /// <summary>Candidate buffers up to this many entries live on the stack.</summary>
    private const int StackCandidates = 512;

    /// <summary>
    /// Writes the best matches for <paramref name="query"/> into <paramref name="results"/> (its length is k), best first
    /// (higher score, then lower id), and returns how many were written. Allocates nothing on the single-threaded path.
    /// </summary>
    /// <param name="query">A normalised query of <see cref="Dimension"/> floats.</param>
    /// <param name="results">Where the top-k go; its length is k.</param>
    /// <param name="include">
    /// Optional row filter; rows for which it returns false are skipped. It is only asked about rows whose score could
    /// enter the results, so it must be a pure predicate; above the parallel threshold it is called from several threads.
    /// </param>
    /// <exception cref="InvalidMemoryException">The query has the wrong dimension or holds NaN or infinity.</exception>
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<Guid, bool>? include = null)
    {
        ValidateQuery(query, Dimension, nameof(query));
        if (results.IsEmpty || Count == 0)
        {
            return 0;
        }

        var degree = ParallelDegree();
        return degree > 1
            ? SearchParallel(query, results, include, degree)
            : SearchRange(query, 0, Count, results, include);
    }

    private static void ValidateQuery(ReadOnlySpan<float> query, int dimension, string paramName)
    {
        if (query.Length != dimension)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"Expected a query of {dimension} dimensions, got {query.Length}.", paramName);
        }

        for (var i = 0; i < query.Length; i++)
        {
            if (!float.IsFinite(query[i]))
            {
                throw new InvalidMemoryException(MemoryValidationError.NonFiniteVector, $"The query holds a non-finite value at index {i}.", paramName);
            }
        }
    }

    private int ParallelDegree()
        => Count < _parallelThreshold ? 1 : Math.Min(_maxDegreeOfParallelism, Math.Max(1, Count / MinRowsPerWorker));

    private int CandidateCount(int k, int rows) => (int)Math.Min((long)k * _rescoreFactor, rows);

    /// <summary>Top-k of rows [start, end) into <paramref name="results"/>, sorted; returns the count.</summary>
    internal int SearchRange(ReadOnlySpan<float> query, int start, int end, Span<VectorMatch> results, Func<Guid, bool>? include)
    {
        var count = 0;
        var candidates = CandidateCount(results.Length, end - start);
        if (_mode == VectorSearchMode.Exact || candidates >= end - start)
        {
            ScanExact(query, start, end, results, ref count, include);
            return TopKCollector.Complete(results, count);
        }

        int[]? rentedQuery = null;
        RowScore[]? rentedCandidates = null;
        var preparedLength = Int8BlockKernel.PreparedLength(_codeStride);
        Span<int> prepared = preparedLength <= 1_024 ? stackalloc int[preparedLength] : (rentedQuery = ArrayPool<int>.Shared.Rent(preparedLength)).AsSpan(0, preparedLength);
        Span<RowScore> heap = candidates <= StackCandidates ? stackalloc RowScore[candidates] : (rentedCandidates = ArrayPool<RowScore>.Shared.Rent(candidates)).AsSpan(0, candidates);
        try
        {
            if (!PrepareInt8Query(query, prepared))
            {
                // A zero query scores every row 0: the exact scan gives the id order the int8 scan cannot.
                ScanExact(query, start, end, results, ref count, include);
                return TopKCollector.Complete(results, count);
            }

            var found = 0;
            ScanInt8(prepared, start, end, heap, ref found, include);
            Rescore(query, heap[..found], results, ref count);
            return TopKCollector.Complete(results, count);
        }
        finally
        {
            ReturnRented(rentedQuery, rentedCandidates);
        }
    }

    /// <summary>Quantises <paramref name="query"/> and prepares it for the blocked int8 kernel; false when it quantises to zero.</summary>
    private bool PrepareInt8Query(ReadOnlySpan<float> query, Span<int> prepared)
    {
        Span<sbyte> codes = _codeStride <= 4_096 ? stackalloc sbyte[_codeStride] : new sbyte[_codeStride];
        if (Int8Kernels.Quantize(query, codes) == 0f)
        {
            return false;
        }

        Int8BlockKernel.Prepare(codes, prepared);
        return true;
    }

    private static void ReturnRented(int[]? query, RowScore[]? candidates)
    {
        if (query is not null)
        {
            ArrayPool<int>.Shared.Return(query);
        }

        if (candidates is not null)
        {
            ArrayPool<RowScore>.Shared.Return(candidates);
        }
    }

    private void ScanExact(ReadOnlySpan<float> query, int start, int end, Span<VectorMatch> heap, ref int count, Func<Guid, bool>? include)
    {
        Span<float> scores = stackalloc float[ChunkRows];
        var dimension = Dimension;
        if (_blockedFloats)
        {
            // Whole blocks are scored; only the rows of [start, end) are collected.
            for (var first = start / BlockedRows.Rows * BlockedRows.Rows; first < end; first += BlockedRows.Rows)
            {
                VectorKernels.DotBlock(query, BlockedRows.Block(_data, first / BlockedRows.Rows, dimension), scores);
                var from = Math.Max(start, first);
                var to = Math.Min(end, first + BlockedRows.Rows);
                Collect(scores[(from - first)..(to - first)], from, heap, ref count, include);
            }

            return;
        }

        for (var chunk = start; chunk < end; chunk += ChunkRows)
        {
            var n = Math.Min(ChunkRows, end - chunk);
            VectorKernels.DotRows(query, _data.AsSpan(chunk * dimension, n * dimension), dimension, scores[..n]);
            Collect(scores[..n], chunk, heap, ref count, include);
        }
    }

    /// <summary>Adds the rows from <paramref name="firstRow"/> on, scored <paramref name="scores"/>, that enter the top-k.</summary>
    private void Collect(ReadOnlySpan<float> scores, int firstRow, Span<VectorMatch> heap, ref int count, Func<Guid, bool>? include)
    {
        var threshold = TopKCollector.ThresholdOf(heap, count);
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (score < threshold)
            {
                continue;
            }

            var id = _ids[firstRow + i];
            if (include is not null && !include(id))
            {
                continue;
            }

            TopKCollector.Add(heap, ref count, id, score);
            threshold = TopKCollector.ThresholdOf(heap, count);
        }
    }

    private void ScanInt8(ReadOnlySpan<int> prepared, int start, int end, Span<RowScore> heap, ref int count, Func<Guid, bool>? include)
    {
        Span<int> dots = stackalloc int[BlockedRows.Rows];
        Span<float> scores = stackalloc float[BlockedRows.Rows];
        ReadOnlySpan<int> codes = CodeElements;
        var elements = _codeStride / 4;
        for (var first = start / BlockedRows.Rows * BlockedRows.Rows; first < end; first += BlockedRows.Rows)
        {
            Int8BlockKernel.DotBlock(prepared, BlockedRows.Block(codes, first / BlockedRows.Rows, elements), dots);
            var from = Math.Max(start, first);
            var n = Math.Min(end, first + BlockedRows.Rows) - from;

            // Vectorised: score = dot × row scale (the same float operations as one row at a time), and a block whose
            // best score cannot enter the candidates is skipped without a per-row loop.
            var threshold = CandidateHeap.ThresholdOf(heap, count);
            if (Int8Kernels.Scale(dots.Slice(from - first, n), _scales.AsSpan(from, n), scores) < threshold)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                var score = scores[i];
                if (score < threshold || (include is not null && !include(_ids[from + i])))
                {
                    continue;
                }

                CandidateHeap.Add(heap, ref count, from + i, score);
                threshold = CandidateHeap.ThresholdOf(heap, count);
            }
        }
    }

    /// <summary>Exact scores for int8 candidates (int8 mode keeps its float rows row-major for this).</summary>
    private void Rescore(ReadOnlySpan<float> query, ReadOnlySpan<RowScore> candidates, Span<VectorMatch> results, ref int count)
    {
        Span<float> score = stackalloc float[1];
        var dimension = Dimension;
        foreach (var candidate in candidates)
        {
            VectorKernels.DotRows(query, _data.AsSpan(candidate.Row * dimension, dimension), dimension, score);
            TopKCollector.Add(results, ref count, _ids[candidate.Row], score[0]);
        }
    }

    private int SearchParallel(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<Guid, bool>? include, int degree)
    {
        // One reusable scan state per partition; a concurrent reader that finds it taken makes its own.
        var scan = Interlocked.Exchange(ref _spareScan, null) ?? new ParallelScan(this, _maxDegreeOfParallelism);
        try
        {
            return scan.Search(query, results, include, degree);
        }
        finally
        {
            Volatile.Write(ref _spareScan, scan);
        }
    }
}
