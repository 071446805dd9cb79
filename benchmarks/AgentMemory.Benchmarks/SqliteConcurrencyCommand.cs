using System.Diagnostics;
using System.Globalization;
using AgentMemory.Sqlite;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>sqlite-concurrency [--users 1000] [--per-user 100] [--callers 16] [--seconds 10] [--dir PATH]</c>: recalls per second
/// (vector + lexical <see cref="SqliteMemoryStore.SearchAsync"/>, no embedding call) of one SQLite file holding
/// <c>--users</c> × <c>--per-user</c> memories (384-dim), first from one caller, then from <c>--callers</c> concurrent
/// callers, each recall for a random user. Every scope is loaded once before timing (the warm, cached case). Recalls per
/// process CPU-second are printed too: on a shared machine the wall-clock rate follows the CPU share the process gets.
/// </summary>
internal static class SqliteConcurrencyCommand
{
    private const int Dimension = 384;

    public static int Run(string[] args) => RunAsync(new CommandArgs(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CommandArgs args)
    {
        var users = args.Int("users", 1000);
        var perUser = args.Int("per-user", 100);
        var callers = args.Int("callers", 16);
        var seconds = args.Double("seconds", 10);
        var dir = args.String("dir") ?? Path.Combine(Path.GetTempPath(), "agentmemory-conc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"users-{users}x{perUser}.db");
        var random = new Random(7);
        var words = Enumerable.Range(0, 5000).Select(i => Word(new Random(7 + i))).ToArray();
        string Sentence(Random r, int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[r.Next(words.Length)]));
        var scopes = Enumerable.Range(0, users).Select(u => MemoryScope.ForUser("bench", "user" + u.ToString(CultureInfo.InvariantCulture))).ToArray();
        Console.WriteLine($"sqlite-concurrency: {users:N0} users × {perUser:N0} memories, dim {Dimension}, {callers} callers, {seconds:N0} s each, {Environment.ProcessorCount} cores, load avg {LoadAverage()}");
        try
        {
            var options = new SqliteMemoryStoreOptions { ConnectionString = $"Data Source={path}", Dimension = Dimension };
            if (!File.Exists(path))
            {
                using var writer = new SqliteMemoryStore(options);
                for (var first = 0; first < users * perUser; first += 1000)
                {
                    var batch = Enumerable.Range(first, Math.Min(1000, (users * perUser) - first)).Select(i => new MemoryRecord
                    {
                        Id = Guid.CreateVersion7(),
                        Scope = scopes[i % users],
                        Kind = MemoryKind.Semantic,
                        Text = Sentence(random, 8),
                        Embedding = Vector(random),
                    }).ToList();
                    await writer.AddRangeAsync(batch);
                }
            }

            using var store = new SqliteMemoryStore(options);
            var requests = Enumerable.Range(0, 4096).Select(i => new MemorySearchRequest
            {
                Scope = scopes[random.Next(users)],
                Vector = Vector(random),
                Text = Sentence(random, 3),
                Limit = 20,
            }).ToArray();
            var load = Stopwatch.StartNew();
            foreach (var scope in scopes)
            {
                await store.SearchAsync(requests[0] with { Scope = scope });
            }

            Console.WriteLine($"loaded every scope once in {load.Elapsed.TotalSeconds:F1} s");
            // JIT warm-up (tier 1) before timing.
            await MeasureAsync(store, requests, 2, TimeSpan.FromSeconds(2));
            var single = await MeasureAsync(store, requests, 1, TimeSpan.FromSeconds(seconds));
            var many = await MeasureAsync(store, requests, callers, TimeSpan.FromSeconds(seconds));
            Console.WriteLine("| callers | recalls/s | recalls/CPU-s | p50 (ms) | p95 (ms) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| 1 | {single.PerSecond:N0} | {single.PerCpuSecond:N0} | {single.P50:F3} | {single.P95:F3} |");
            Console.WriteLine($"| {callers} | {many.PerSecond:N0} | {many.PerCpuSecond:N0} | {many.P50:F3} | {many.P95:F3} |");
            Console.WriteLine($"{callers} callers / 1 caller: {many.PerSecond / single.PerSecond:F2}×");
            return 0;
        }
        finally
        {
            if (args.String("dir") is null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static async Task<(double PerSecond, double PerCpuSecond, double P50, double P95)> MeasureAsync(SqliteMemoryStore store, MemorySearchRequest[] requests, int callers, TimeSpan duration)
    {
        var next = -1;
        var times = new List<double>[callers];
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = times[c] = [];
            while (clock.Elapsed < duration)
            {
                var request = requests[(Interlocked.Increment(ref next) & int.MaxValue) % requests.Length];
                var t = Stopwatch.GetTimestamp();
                await store.SearchAsync(request);
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var all = times.SelectMany(t => t).Order().ToArray();
        return (all.Length / elapsed, all.Length / cpuSeconds, all[all.Length / 2], all[(int)(all.Length * 0.95)]);
    }

    private static float[] Vector(Random random)
    {
        var v = new float[Dimension];
        var norm = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() - 0.5);
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

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
