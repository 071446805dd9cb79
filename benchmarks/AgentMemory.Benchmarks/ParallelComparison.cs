using System.Diagnostics;
using System.Text.Json;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// For <c>scan --mode parallel</c>: in every pass, by the wall clock and in the same process, the single-threaded
/// exact scan of the same partition and the read bandwidth of one thread versus <c>threads</c> threads reading
/// disjoint halves of the same buffer at once — so the parallel speedup can be set against what the memory system
/// gives two readers.
/// </summary>
internal sealed class ParallelComparison(VectorPartition partition, float[] raw, int threads)
{
    private readonly List<double> _singleQps = [];
    private readonly List<double> _oneThread = [];
    private readonly List<double> _threads = [];

    public void RunPass(float[] queries, int queryCount, int k)
    {
        for (var i = 0; i < 3; i++)
        {
            var (one, many) = ReadBandwidth.MeasureThreads(raw, threads);
            _oneThread.Add(one);
            _threads.Add(many);
        }

        var dimension = partition.Dimension;
        var results = new VectorMatch[k];
        var start = Stopwatch.GetTimestamp();
        for (var q = 0; q < queryCount; q++)
        {
            partition.SearchRange(queries.AsSpan(q * dimension, dimension), 0, partition.Count, results, null);
        }

        _singleQps.Add(queryCount / Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public void Report(double parallelQps)
    {
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
