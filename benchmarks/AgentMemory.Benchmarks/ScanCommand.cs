using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>scan --base FILE --queries FILE --dim 384 --k 10 [--mode exact|int8|parallel] [--json PATH] [--repeat 3]
/// [--threads N] [--rescore 10] [--warmup-seconds 3] [--max-queries N] [--clock wall|cpu]</c>: loads raw float32 rows into a <see cref="VectorPartition"/>,
/// runs the queries one at a time after warm-up and prints queries/s, GB/s of float data scanned, recall@k against
/// the exact result, and the single-thread sequential read bandwidth of the same buffer measured in the same run.
/// <c>--clock cpu</c> times the exact and int8 scans and the bandwidth loop by this thread's CPU time (for a shared,
/// oversubscribed machine); the parallel scan is always timed by the wall clock.
/// </summary>
internal static class ScanCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArgs(args);
        var dimension = options.Int("dim", 384);
        var k = options.Int("k", 10);
        var mode = options.String("mode") ?? "exact";
        var repeat = Math.Max(1, options.Int("repeat", 3));
        var warmup = TimeSpan.FromSeconds(options.Double("warmup-seconds", 3));
        var partitionOptions = mode switch
        {
            "exact" => new VectorPartitionOptions { ParallelThreshold = int.MaxValue },
            "int8" => new VectorPartitionOptions { Mode = VectorSearchMode.Int8, ParallelThreshold = int.MaxValue, RescoreFactor = options.Int("rescore", VectorPartitionOptions.DefaultRescoreFactor) },
            "parallel" => new VectorPartitionOptions { ParallelThreshold = 1, MaxDegreeOfParallelism = options.Int("threads", Environment.ProcessorCount) },
            _ => throw new ArgumentException($"Unknown --mode '{mode}' (exact, int8 or parallel)."),
        };

        var cpuClock = options.String("clock") == "cpu" && ThreadClock.IsCpuTime && mode != "parallel";
        var partition = Load(options.Required("base"), dimension, partitionOptions, out var n, out var raw);
        var queries = RawVectors.Read(options.Required("queries"), dimension, out var queryCount);
        queryCount = Math.Min(queryCount, options.Int("max-queries", queryCount));
        for (var q = 0; q < queryCount; q++)
        {
            AgentMemory.Vectors.VectorMath.Normalize(queries.AsSpan(q * dimension, dimension), queries.AsSpan(q * dimension, dimension));
        }

        Console.WriteLine(Invariant($"{mode}: n={n} dim={dimension} k={k} queries={queryCount} float data {partition.DataBytes / 1e9:F3} GB, int8 data {partition.QuantizedBytes / 1e9:F3} GB, {Environment.ProcessorCount} cores"));
        var truth = ExactTruth(raw, n, dimension, queries, queryCount, k);
        if (mode != "parallel")
        {
            raw = [];
        }
        var results = new VectorMatch[queryCount * k];
        var counts = new int[queryCount];

        // Warm-up: tier-1 JIT needs 30+ calls and a background compile, so run until both time and calls suffice.
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < warmup || i < 40; i++)
        {
            var q = i % queryCount;
            counts[q] = partition.Search(queries.AsSpan(q * dimension, dimension), results.AsSpan(q * k, k));
            _ = ReadBandwidth.SumOnce(partition.RawData);
        }

        var threads = partitionOptions.MaxDegreeOfParallelism;
        var parallel = mode == "parallel" ? new ParallelComparison(partition, raw, threads) : null;
        var passQps = new List<double>();
        var bandwidths = new List<double>();
        var ratios = new List<double>();
        long allocated = 0;
        for (var pass = 0; pass < repeat; pass++)
        {
            parallel?.MeasureReaders();

            // Query and read passes alternate one by one (the two readers taking turns), so both sample the same
            // moments of a machine whose bandwidth drifts by ±10% between seconds.
            var readers = new[] { new List<double>(), new List<double>() };
            var querySeconds = 0.0;
            long passAllocated = 0;
            for (var q = 0; q < queryCount; q++)
            {
                var reader = readers[q % 2];
                reader.Add(ReadBandwidth.MeasureOnce(partition.RawData, q % 2 == 0, cpuClock));
                parallel?.RunSingleThread(queries.AsSpan(q * dimension, dimension), k);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var start = ThreadClock.Seconds(cpuClock);
                counts[q] = partition.Search(queries.AsSpan(q * dimension, dimension), results.AsSpan(q * k, k));
                querySeconds += ThreadClock.Seconds(cpuClock) - start;
                passAllocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            allocated += passAllocated;
            passQps.Add(queryCount / querySeconds);
            bandwidths.Add(Math.Max(Median(readers[0]), Median(readers[1])));
            ratios.Add(passQps[^1] * partition.DataBytes / 1e9 / bandwidths[^1]);
            Console.WriteLine(Invariant($"  pass {pass + 1}: {passQps[^1]:F2} q/s, read bandwidth {bandwidths[^1]:F2} GB/s (interleaved), ratio {ratios[^1]:F3}"));
        }

        var qps = Median(passQps);
        var gbps = qps * partition.DataBytes / 1e9;
        var bandwidth = Median(bandwidths);
        var ratio = Median(ratios);
        var recall = Recall(truth, results, counts, k);
        Console.WriteLine(Invariant($"{mode}: {qps:F2} queries/s (median of {repeat}), {gbps:F2} GB/s of float data, recall@{k} {recall:F4}, read bandwidth {bandwidth:F2} GB/s, ratio {ratio:F3} (median of the passes' ratios), {(double)allocated / (repeat * queryCount):F0} B allocated/query, clock {(cpuClock ? "thread cpu" : "wall")}"));
        parallel?.Report(qps);
        if (options.String("json") is { } json)
        {
            WriteJson(json, mode, n, dimension, k, queryCount, qps, gbps, recall, bandwidth, ratio, parallel);
        }

        return 0;
    }

    private static VectorPartition Load(string path, int dimension, VectorPartitionOptions options, out int rows, out float[] data)
    {
        data = RawVectors.Read(path, dimension, out rows);
        var partition = new VectorPartition(dimension, options, rows);
        for (var row = 0; row < rows; row++)
        {
            partition.Upsert(IdOf(row), data.AsSpan(row * dimension, dimension));
        }

        return partition;
    }

    /// <summary>Ids in row order, so ties resolve the same way in every engine that orders by row.</summary>
    internal static Guid IdOf(int row) => new(row, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The exact top-k by brute force over the raw rows, normalised in place, row-major (independent of the partition's
    /// layout); ids are row numbers.
    /// </summary>
    private static Guid[] ExactTruth(float[] raw, int rows, int dimension, float[] queries, int queryCount, int k)
    {
        for (var row = 0; row < rows; row++)
        {
            VectorMath.Normalize(raw.AsSpan(row * dimension, dimension), raw.AsSpan(row * dimension, dimension));
        }

        var truth = new Guid[queryCount * k];
        var scores = new float[rows];
        var heap = new VectorMatch[k];
        for (var q = 0; q < queryCount; q++)
        {
            VectorKernels.DotRows(queries.AsSpan(q * dimension, dimension), raw, dimension, scores);
            var collector = new TopKCollector(heap);
            for (var row = 0; row < scores.Length; row++)
            {
                if (scores[row] >= collector.Threshold)
                {
                    collector.Add(IdOf(row), scores[row]);
                }
            }

            var found = collector.Complete();
            for (var i = 0; i < found; i++)
            {
                truth[(q * k) + i] = heap[i].Id;
            }
        }

        return truth;
    }

    private static double Recall(Guid[] truth, VectorMatch[] results, int[] counts, int k)
    {
        var hits = 0L;
        var expected = 0L;
        for (var q = 0; q < counts.Length; q++)
        {
            var want = truth.AsSpan(q * k, k);
            for (var i = 0; i < counts[q]; i++)
            {
                hits += want.Contains(results[(q * k) + i].Id) ? 1 : 0;
            }

            foreach (var id in want)
            {
                expected += id == Guid.Empty ? 0 : 1;
            }
        }

        return expected == 0 ? 1 : (double)hits / expected;
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static void WriteJson(string path, string mode, int n, int dimension, int k, int queries, double qps, double gbps, double recall, double bandwidth, double ratio, ParallelComparison? parallel)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("mode", mode);
        writer.WriteNumber("n", n);
        writer.WriteNumber("dim", dimension);
        writer.WriteNumber("k", k);
        writer.WriteNumber("queries", queries);
        writer.WriteNumber("qps", Math.Round(qps, 3));
        writer.WriteNumber("gbps", Math.Round(gbps, 3));
        writer.WriteNumber("recall_at_k", Math.Round(recall, 5));
        writer.WriteNumber("read_bandwidth_gbps", Math.Round(bandwidth, 3));
        writer.WriteNumber("bandwidth_ratio", Math.Round(ratio, 4));
        parallel?.WriteJson(writer, qps);
        writer.WriteEndObject();
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
