using System.Diagnostics;
using System.Text.Json;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// For <c>scan --mode parallel</c>: by the wall clock and in the same process, the single-threaded exact scan of the
/// same partition (one query before each parallel query, so both sample the same moments) and, once per pass, the
/// read bandwidth of one thread versus <c>threads</c> threads reading disjoint parts of the same buffer at once, so
/// the parallel speedup can be set against what the memory system gives several readers.
/// </summary>
internal sealed class ParallelComparison(VectorPartition partition, float[] raw, int threads)
{
    private readonly List<double> _singleQps = [];
    private readonly List<double> _oneThread = [];
    private readonly List<double> _threads = [];

    private VectorMatch[] _results = [];
    private double _singleSeconds;
    private int _singleQueries;

    /// <summary>Measures one thread's and all threads' read bandwidth three times, and starts a pass.</summary>
    public void MeasureReaders()
    {
        for (var i = 0; i < 3; i++)
        {
            var (one, many) = ReadBandwidth.MeasureThreads(raw, threads);
            _oneThread.Add(one);
            _threads.Add(many);
        }

        FinishPass();
    }

    /// <summary>Runs one query single-threaded over the whole partition, timed by the wall clock.</summary>
    public void RunSingleThread(ReadOnlySpan<float> query, int k)
    {
        if (_results.Length < k)
        {
            _results = new VectorMatch[k];
        }

        var start = Stopwatch.GetTimestamp();
        partition.SearchRange(query, 0, partition.Count, _results.AsSpan(0, k), null);
        _singleSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        _singleQueries++;
    }

    private void FinishPass()
    {
        if (_singleQueries > 0)
        {
            _singleQps.Add(_singleQueries / _singleSeconds);
        }

        _singleSeconds = 0;
        _singleQueries = 0;
    }

    public void Report(double parallelQps)
    {
        FinishPass();
        var single = ScanCommand.Median(_singleQps);
        var one = ScanCommand.Median(_oneThread);
        var many = ScanCommand.Median(_threads);
        Console.WriteLine(ScanCommand.Invariant($"single-thread exact (wall, same run): {single:F2} q/s; parallel speedup {parallelQps / single:F3}x"));
        Console.WriteLine(ScanCommand.Invariant($"read bandwidth (wall): 1 thread {one:F2} GB/s, {threads} threads {many:F2} GB/s, ratio {many / one:F3}x"));
    }

    public void WriteJson(Utf8JsonWriter writer, double parallelQps)
    {
        var single = ScanCommand.Median(_singleQps);
        writer.WriteNumber("threads", threads);
        writer.WriteNumber("single_thread_qps", Math.Round(single, 3));
        writer.WriteNumber("parallel_speedup", Math.Round(parallelQps / single, 4));
        writer.WriteNumber("read_bandwidth_1t_wall_gbps", Math.Round(ScanCommand.Median(_oneThread), 3));
        writer.WriteNumber("read_bandwidth_nt_wall_gbps", Math.Round(ScanCommand.Median(_threads), 3));
        writer.WriteNumber("read_bandwidth_nt_ratio", Math.Round(ScanCommand.Median(_threads) / ScanCommand.Median(_oneThread), 4));
    }
}
