using System.Diagnostics;
using AgentMemory.Embeddings;
using AgentMemory.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static System.FormattableString;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>save-cost [--sizes 1000,10000,50000] [--saves 200] [--warmup 300] [--vocabulary 4000]</c>: the cost of one
/// <see cref="IAgentMemory.SaveAsync"/> as its scope grows. One SQLite file through <c>AddAgentMemory().UseSqlite(…)</c>
/// with the offline defaults (local hashing embeddings, similarity reconciler) and a memory budget above the largest
/// size (no eviction). The scope is filled to each size with pre-embedded records written straight to the store (fast),
/// then <c>--saves</c> distinct memories are saved through the facade and timed one by one: median and p95 wall ms.
/// </summary>
internal static class SaveCostCommand
{
    public static int Run(string[] args) => RunAsync(new CommandArgs(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CommandArgs args)
    {
        var sizes = (args.String("sizes") ?? "1000,10000,50000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var saves = args.Int("saves", 200);
        var warmup = args.Int("warmup", 300);
        var corpus = new RecallCorpus(args.Int("vocabulary", 4000), 42);
        var path = Path.Combine(Path.GetTempPath(), "agentmemory-savecost-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.Formation.RunHostedWorker = false;
            o.Formation.MemoryBudget = sizes.Max() * 2 + saves * sizes.Length + warmup + 1000;
        }).UseSqlite($"Data Source={path}");
        try
        {
            await using var provider = services.BuildServiceProvider();
            var memory = provider.GetRequiredService<IAgentMemory>();
            var store = provider.GetRequiredService<SqliteMemoryStore>();
            var embedder = new LocalEmbeddingGenerator();
            var scope = MemoryScope.ForUser("bench", "grower");
            Console.WriteLine(Invariant($"save-cost: SQLite, one scope, offline defaults (hashing embeddings), {saves} timed saves per size after {warmup} warm-up saves in another scope, {Environment.ProcessorCount} cores, load avg {LoadAverage()}"));

            // JIT warm-up in a separate scope, so it does not change the measured scope's size.
            var warm = MemoryScope.ForUser("bench", "warm-up");
            for (var i = 0; i < warmup; i++)
            {
                await memory.SaveAsync(warm, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = corpus.Memory() + " w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            Console.WriteLine("| memories in scope | SaveAsync p50 (ms) | p95 (ms) | mean (ms) | outcomes |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            long count = 0;
            foreach (var size in sizes)
            {
                while (count < size)
                {
                    var batch = new List<MemoryRecord>();
                    for (var i = 0; i < Math.Min(1000, size - count); i++)
                    {
                        var text = corpus.Memory();
                        batch.Add(new MemoryRecord { Id = Guid.CreateVersion7(), Scope = scope, Kind = MemoryKind.Semantic, Text = text, Embedding = embedder.Embed(text) });
                    }

                    await store.AddRangeAsync(batch);
                    count = await store.CountAsync(scope, ScopeMatch.Exact);
                }

                var times = new double[saves];
                var outcomes = new Dictionary<FormationOutcomeKind, int>();
                for (var i = 0; i < saves; i++)
                {
                    var candidate = new MemoryCandidate { Kind = MemoryKind.Semantic, Text = corpus.Memory() + " s" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    var t = Stopwatch.GetTimestamp();
                    var outcome = await memory.SaveAsync(scope, candidate);
                    times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
                }

                count = await store.CountAsync(scope, ScopeMatch.Exact);
                Array.Sort(times);
                Console.WriteLine(Invariant($"| {size:N0} | {times[times.Length / 2]:F2} | {times[(int)(times.Length * 0.95)]:F2} | {times.Average():F2} | {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))} |"));
            }

            return 0;
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
