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
    private readonly VectorPartition _partition;
    private readonly object _gate = new();
    private readonly float[] _query;
    private readonly int[] _counts;
    private VectorMatch[] _heaps = [];
    private Func<Guid, bool>? _include;
    private ExceptionDispatchInfo? _error;
    private int _degree;
    private int _k;
    private int _rows;

    // Parts are claimed by incrementing _next; idle, it stays at or above _degree so late workers find nothing.
    private int _next = int.MaxValue / 2;
    private int _completed;

    public ParallelScan(VectorPartition partition, int maxDegree)
    {
        _partition = partition;
        _query = new float[partition.Dimension];
        _counts = new int[maxDegree];
    }

    /// <summary>Scans <paramref name="degree"/> contiguous, equal parts of the partition and merges their top-k into <paramref name="results"/>.</summary>
    public int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<Guid, bool>? include, int degree)
    {
        var k = results.Length;
        if (_heaps.Length < degree * k)
        {
            _heaps = new VectorMatch[degree * k];
        }

        query.CopyTo(_query);
        _include = include;
        _error = null;
        _degree = degree;
        _k = k;
        _rows = _partition.Count;
        _completed = 0;
        Interlocked.Exchange(ref _next, 0);
        for (var worker = 1; worker < degree; worker++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Drain();
        if (Volatile.Read(ref _completed) < degree)
        {
            lock (_gate)
            {
                while (Volatile.Read(ref _completed) < degree)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        _include = null;
        _error?.Throw();
        var count = 0;
        for (var part = 0; part < degree; part++)
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
        while ((part = Interlocked.Increment(ref _next) - 1) < _degree)
        {
            RunPart(part);
        }
    }

    private void RunPart(int part)
    {
        try
        {
            var start = (int)((long)_rows * part / _degree);
            var end = (int)((long)_rows * (part + 1) / _degree);
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
            if (Interlocked.Increment(ref _completed) == _degree)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
