using System.Diagnostics;
using AgentMemory.Sqlite;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>sqlite-cold [--size 10000] [--runs 15] [--dir PATH]</c>: the first recall (vector + lexical
/// <see cref="SqliteMemoryStore.SearchAsync"/>) of one scope of <c>--size</c> memories (384-dim) by a freshly opened store,
/// repeated <c>--runs</c> times after 3 unmeasured ones (JIT). Reports the median and spread of the wall time and of the
/// calling thread's CPU time (what the caller waits for, less what other processes take of the machine).
/// </summary>
internal static class SqliteColdCommand
{
    private const int Dimension = 384;

    public static int Run(string[] args) => RunAsync(new CommandArgs(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CommandArgs args)
    {
        var size = args.Int("size", 10_000);
        var runs = args.Int("runs", 15);
        var dir = args.String("dir") ?? Path.Combine(Path.GetTempPath(), "agentmemory-cold-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"scope-{size}.db");
        var random = new Random(11);
        var words = Enumerable.Range(0, 5000).Select(i => new string([.. Enumerable.Range(0, 4 + (i % 6)).Select(j => (char)('a' + ((i * 7) + (j * 13)) % 26))])).ToArray();
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        var scope = MemoryScope.ForUser("bench", "u0");
        var options = new SqliteMemoryStoreOptions { ConnectionString = $"Data Source={path}", Dimension = Dimension };
        Console.WriteLine($"sqlite-cold: one scope of {size:N0} memories, dim {Dimension}, {runs} runs, {Environment.ProcessorCount} cores, load avg {LoadAverage()}");
        try
        {
            if (!File.Exists(path))
            {
                using var writer = new SqliteMemoryStore(options);
                for (var first = 0; first < size; first += 1000)
                {
                    await writer.AddRangeAsync([.. Enumerable.Range(first, Math.Min(1000, size - first)).Select(_ => new MemoryRecord
                    {
                        Id = Guid.CreateVersion7(),
                        Scope = scope,
                        Kind = MemoryKind.Semantic,
                        Text = Sentence(8),
                        Embedding = Vector(random),
                    })]);
                }
            }

            var wall = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                var request = new MemorySearchRequest { Scope = scope, Vector = Vector(random), Text = Sentence(3), Limit = 20 };
                using var store = new SqliteMemoryStore(options);
                var cpuStart = ThreadClock.Now();
                var start = Stopwatch.GetTimestamp();
                var result = store.SearchAsync(request).GetAwaiter().GetResult(); // synchronous: the thread clock sees the whole call
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var cpuMs = (ThreadClock.Now() - cpuStart) * 1000;
                if (result.VectorMatches.Count == 0)
                {
                    throw new InvalidOperationException("The cold recall found nothing.");
                }

                if (i >= 3)
                {
                    wall.Add(ms);
                    cpu.Add(cpuMs);
                }

                await Task.Delay(200); // let a background index build finish before the store is dropped
            }

            wall.Sort();
            cpu.Sort();
            Console.WriteLine("| memories in scope | cold wall p50 (ms) | wall min | wall max | cold thread CPU p50 (ms) | CPU min | CPU max |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {size:N0} | {wall[wall.Count / 2]:F1} | {wall[0]:F1} | {wall[^1]:F1} | {cpu[cpu.Count / 2]:F1} | {cpu[0]:F1} | {cpu[^1]:F1} |");
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

    private static float[] Vector(Random random)
    {
        var v = new float[Dimension];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() - 0.5);
        }

        return v;
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
