using System.Diagnostics;
using System.Globalization;
using AgentMemory;
using AgentMemory.Sqlite;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>sqlite-recall [--quick] [--int8 | --exact] [--normal] [--random-ids] [--total N] [--users N] [--sizes 1000,10000] [--scopes-only]</c>: ingest throughput, cold first recall and warm recall latency
/// (vector + lexical <see cref="SqliteMemoryStore.SearchAsync"/>, no embedding call) of the SQLite store for one scope
/// holding 1k, 10k and 100k memories (384-dim), then recall for one user of a file holding <c>--total</c> memories across
/// <c>--users</c> users (default 1,000,000 across 10,000). Memory ids are time-ordered (<see cref="Guid.CreateVersion7()"/>, as
/// the pipeline makes them) unless <c>--random-ids</c> asks for random ones (<see cref="Guid.NewGuid"/>), which cost the
/// id indexes of a large file more.
/// </summary>
internal static class SqliteRecallBenchmark
{
    private const int Dimension = 384;
    private const int Batch = 1000;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var mode = args.Contains("--int8") ? VectorSearchMode.Int8 : VectorSearchMode.Exact;
        int? quantizeAt = args.Contains("--exact") ? null : SqliteMemoryStoreOptions.DefaultQuantizeAtRows;
        var sync = args.Contains("--normal") ? SqliteSynchronousMode.Normal : SqliteSynchronousMode.Full;
        var randomIds = args.Contains("--random-ids");
        var total = Option(args, "--total", quick ? 100_000 : 1_000_000);
        var users = Option(args, "--users", quick ? 1_000 : 10_000);
        var dir = Path.Combine(Path.GetTempPath(), "agentmemory-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var data = new DataGenerator(42);
        var scan = mode == VectorSearchMode.Int8 ? "int8" : quantizeAt is null ? "exact" : $"exact, int8 from {quantizeAt:N0} rows per scope (default)";
        Console.WriteLine($"sqlite-recall: dim {Dimension}, batch {Batch}, synchronous {sync}, {(randomIds ? "random" : "time-ordered")} ids, vector scan {scan}, {Environment.ProcessorCount} cores, load avg {LoadAverage()}");
        try
        {
            // JIT warm-up on a scratch file, so the 1k row measures the store rather than the first compilation of its code.
            var warmScope = MemoryScope.ForUser("bench", "warmup");
            await IngestAsync(Path.Combine(dir, "warmup.db"), data, [warmScope], 5_000, sync, randomIds);
            await RecallAsync(Path.Combine(dir, "warmup.db"), data, warmScope, mode, quantizeAt, 10);
            Console.WriteLine("Wall-clock figures depend on the machine's load; the CPU columns (process CPU time / operations) do not.");
            Console.WriteLine("| memories in scope | ingest (memories/s) | ingest (memories/CPU-s) | cold first recall (ms) | warm p50 (ms) | warm p95 (ms) | warm CPU/recall (ms) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            var sizes = Array.IndexOf(args, "--sizes") is var at && at >= 0 ? [.. args[at + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
                : quick ? new[] { 1_000, 10_000 } : [1_000, 10_000, 100_000];
            foreach (var size in sizes)
            {
                var path = Path.Combine(dir, $"scope-{size}.db");
                var scope = MemoryScope.ForUser("bench", "u0");
                var (ingest, ingestCpu) = await IngestAsync(path, data, [scope], size, sync, randomIds);
                var (cold, p50, p95, cpu) = await RecallAsync(path, data, scope, mode, quantizeAt, quick ? 300 : 1000);
                Console.WriteLine($"| {size:N0} | {ingest:N0} | {ingestCpu:N0} | {cold:F1} | {p50:F3} | {p95:F3} | {cpu:F3} |");
            }

            if (args.Contains("--scopes-only"))
            {
                return 0;
            }

            var perUser = Math.Max(1, total / users);
            Console.WriteLine();
            Console.WriteLine($"One user's recall ({perUser} memories) as the file grows:");
            Console.WriteLine("| memories in file | users | ingest (memories/s) | ingest (memories/CPU-s) | cold first recall (ms) | warm p50 (ms) | warm p95 (ms) | warm CPU/recall (ms) | file (MB) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var userCount in new[] { Math.Min(10, users), users })
            {
                var path = Path.Combine(dir, $"users-{userCount}.db");
                var scopes = Enumerable.Range(0, userCount).Select(u => MemoryScope.ForUser("bench", "user" + u.ToString(CultureInfo.InvariantCulture))).ToArray();
                var (ingest, ingestCpu) = await IngestAsync(path, data, scopes, perUser * userCount, sync, randomIds);
                var (cold, p50, p95, cpu) = await RecallAsync(path, data, scopes[userCount / 2], mode, quantizeAt, quick ? 300 : 1000);
                var mb = new FileInfo(path).Length / 1e6;
                Console.WriteLine($"| {perUser * userCount:N0} | {userCount:N0} | {ingest:N0} | {ingestCpu:N0} | {cold:F1} | {p50:F3} | {p95:F3} | {cpu:F3} | {mb:N0} |");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> memories spread round-robin over <paramref name="scopes"/>, in batches of
    /// <see cref="Batch"/>; returns memories per second of <see cref="SqliteMemoryStore.AddRangeAsync"/> (wall and process
    /// CPU). Only the calls are timed: each batch is generated before its call starts.
    /// </summary>
    private static async Task<(double PerSecond, double PerCpuSecond)> IngestAsync(string path, DataGenerator data, MemoryScope[] scopes, int count, SqliteSynchronousMode sync, bool randomIds)
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = $"Data Source={path}", Dimension = Dimension, Synchronous = sync });
        var wall = TimeSpan.Zero;
        var cpu = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        for (var first = 0; first < count; first += Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(Batch, count - first)).Select(i => new MemoryRecord
            {
                Id = randomIds ? Guid.NewGuid() : Guid.CreateVersion7(),
                Scope = scopes[i % scopes.Length],
                Kind = MemoryKind.Semantic,
                Text = data.Sentence(8),
                Embedding = data.Vector(Dimension),
            }).ToList();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await store.AddRangeAsync(batch);
            wall += Stopwatch.GetElapsedTime(start);
            process.Refresh();
            cpu += process.TotalProcessorTime - cpuBefore;
        }

        return (count / wall.TotalSeconds, count / cpu.TotalSeconds);
    }

    /// <summary>Opens the file fresh, times the first recall (cold: loads the scope), then <paramref name="runs"/> warm recalls.</summary>
    private static async Task<(double ColdMs, double P50Ms, double P95Ms, double CpuMs)> RecallAsync(string path, DataGenerator data, MemoryScope scope, VectorSearchMode mode, int? quantizeAt, int runs)
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions
        {
            ConnectionString = $"Data Source={path}",
            Dimension = Dimension,
            Vectors = new VectorPartitionOptions { Mode = mode, Layout = VectorLayout.RowMajor }, // the store's default layout
            QuantizeAtRows = quantizeAt,
        });
        var requests = Enumerable.Range(0, runs + 200).Select(_ => new MemorySearchRequest { Scope = scope, Vector = data.Vector(Dimension), Text = data.Sentence(3), Limit = 20 }).ToArray();
        var start = Stopwatch.GetTimestamp();
        await store.SearchAsync(requests[0]);
        var cold = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        // Warm-up: at least 200 searches and 2 s, so the tiered JIT has compiled the hot paths at tier 1 (200 searches of
        // a 10k scope take ≈ 0.1 s, inside the JIT's call-counting delay, and left the first measured searches at tier 0).
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 200 || warm.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            await store.SearchAsync(requests[i % 200]);
        }

        var times = new double[runs];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await store.SearchAsync(requests[200 + i]);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Array.Sort(times);
        return (cold, times[runs / 2], times[(int)(runs * 0.95)], cpuMs);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private sealed class DataGenerator(int seed)
    {
        private readonly Random _random = new(seed);
        private readonly string[] _words = [.. Enumerable.Range(0, 5000).Select(i => Word(new Random(seed + i)))];

        public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[_random.Next(_words.Length)]));

        public float[] Vector(int dimension)
        {
            var v = new float[dimension];
            var norm = 0.0;
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = (float)(_random.NextDouble() - 0.5);
                norm += v[i] * v[i];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < v.Length; i++)
            {
                v[i] *= scale;
            }

            return v;
        }

        private static string Word(Random r) => new([.. Enumerable.Range(0, r.Next(4, 10)).Select(_ => (char)('a' + r.Next(26)))]);
    }
}
