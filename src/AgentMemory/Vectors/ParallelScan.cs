using System.Runtime.ExceptionServices;

namespace AgentMemory.Vectors;

/// <summary>
/// Reusable state for one parallel search of a <see cref="VectorPartition"/>: the query copy, one top-k heap per part,
/// and the claim/completion counters. The calling thread claims parts like any worker (so it does its share of the
/// scan, and finishes the search alone if the thread pool is slow to start); thread-pool workers are queued as this
/// object itself, so a search allocates nothing once the buffers have grown to the largest k seen. A worker queued for
/// an earlier search that starts late can only claim parts of the search in progress (or none), which it scans with
/// that search's fields, so it is harmless.
/// </summary>
internal sealed class ParallelScan : IThreadPoolWorkItem
{
    /// <summary>
    /// Parts per thread: threads claim contiguous parts one at a time, so a thread that starts late or is preempted
    /// (a shared machine) leaves its remaining parts to the others instead of holding up the whole search.
    /// </summary>
    private const int PartsPerThread = 4;

    /// <summary>A part is never smaller than this many rows.</summary>
    private const int MinRowsPerPart = 2_048;

    /// <summary>Where the claim counter is parked between searches: far above any part count.</summary>
    private const int Idle = int.MaxValue / 2;

    private readonly VectorPartition _partition;
    private readonly object _gate = new();
    private readonly float[] _query;
    private readonly int[] _counts;
    private VectorMatch[] _heaps = [];
    private Func<Guid, bool>? _include;
    private ExceptionDispatchInfo? _error;
    private int _parts;
    private int _k;
    private int _rows;

    // Parts are claimed by incrementing _next; between searches it is parked at Idle, so late workers find nothing.
    private int _next = Idle;
    private int _completed;

    public ParallelScan(VectorPartition partition, int maxDegree)
    {
        _partition = partition;
        _query = new float[partition.Dimension];
        _counts = new int[maxDegree * PartsPerThread];
    }

    /// <summary>
    /// Scans the partition on up to <paramref name="degree"/> threads (this one included) in contiguous, equal parts and
    /// merges the parts' top-k into <paramref name="results"/> by score then id, so the result does not depend on
    /// which thread scanned which part.
    /// </summary>
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<Guid, bool>? include, int degree)
    {
        var k = results.Length;
        var rows = _partition.Count;
        var parts = Math.Clamp(rows / MinRowsPerPart, degree, degree * PartsPerThread);
        if (_heaps.Length < parts * k)
        {
            _heaps = new VectorMatch[parts * k];
        }

        query.CopyTo(_query);
        _include = include;
        _error = null;
        _parts = parts;
        _k = k;
        _rows = rows;
        _completed = 0;
        Interlocked.Exchange(ref _next, 0);
        for (var worker = 1; worker < degree; worker++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain();
        if (Volatile.Read(ref _completed) < parts)
        {
            lock (_gate)
            {
                while (Volatile.Read(ref _completed) < parts)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        // Park the claim counter far above any part count before the fields change for another search.
        Interlocked.Exchange(ref _next, Idle);
        _include = null;
        _error?.Throw();
        var count = 0;
        for (var part = 0; part < parts; part++)
        {
            foreach (var match in _heaps.AsSpan(part * k, _counts[part]))
            {
                TopKCollector.Add(results, ref count, match.Id, match.Score);
            }
        }

        return TopKCollector.Complete(results, count);
    }

    /// <inheritdoc />
    public void Execute() => Drain();

    private void Drain()
    {
        int part;
        while ((part = Interlocked.Increment(ref _next) - 1) < _parts)
        {
            RunPart(part);
        }
    }

    /// <summary>Where part <paramref name="part"/> starts: on a block boundary, so no block is scored by two parts.</summary>
    private int Boundary(int part) => part >= _parts ? _rows : (int)((long)_rows * part / _parts) / BlockedRows.Rows * BlockedRows.Rows;

    private void RunPart(int part)
    {
        try
        {
            var start = Boundary(part);
            var end = Boundary(part + 1);
            _counts[part] = _partition.SearchRange(_query, start, end, _heaps.AsSpan(part * _k, _k), _include);
        }
#pragma warning disable CA1031 // Any failure (e.g. from the caller's filter) is rethrown on the calling thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(ex), null);
        }
        finally
        {
            if (Interlocked.Increment(ref _completed) == _parts)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
