using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static System.FormattableString;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>memory-growth [--calls 100000] [--users 1000] [--flush-every 500] [--report-every 10000] [--budget N] [--merge-every N|off] [--max-cached-memories N] [--db path]</c>:
/// a long-running host without a hosted worker. <c>--calls</c> <see cref="IAgentMemory.RememberAsync"/> calls, round-robin
/// over <c>--users</c> user scopes of one tenant, through <c>AddAgentMemory().UseSqlite(…)</c> with the offline defaults
/// (rule-based extraction, local hashing embeddings), <see cref="IAgentMemory.FlushAsync"/> every <c>--flush-every</c>
/// calls and one recall per flush. Every <c>--report-every</c> calls it prints the process RSS, the managed heap after a
/// full collection, the GC's committed bytes, and the mean wall time per call of the interval, split into the
/// <c>RememberAsync</c> calls (queueing) and the flushes (formation) plus their recalls. <c>--merge-every</c> sets
/// <c>SqliteMemoryStoreOptions.LexicalMergeInterval</c> (<c>off</c>: null, FTS5's own automerge only);
/// <c>--max-cached-memories</c> sets <c>SqliteMemoryStoreOptions.MaxCachedMemories</c> (default 100,000), so the cache's bound
/// is reached within a shorter run.
/// </summary>
internal static class MemoryGrowthCommand
{
    private static readonly string[] Places = ["Lisbon", "Oslo", "Kyoto", "Lima", "Austin", "Leeds", "Porto", "Quito", "Hanoi", "Perth"];
    private static readonly string[] Foods = ["ramen", "paella", "tacos", "curry", "pho", "falafel", "risotto", "dumplings", "sushi", "goulash"];

    public static int Run(string[] args) => RunAsync(new CommandArgs(args)).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(CommandArgs args)
    {
        var calls = args.Int("calls", 100_000);
        var users = args.Int("users", 1_000);
        var flushEvery = args.Int("flush-every", 500);
        var reportEvery = args.Int("report-every", 10_000);
        var budget = args.Int("budget", 1_000);
        var mergeEvery = args.String("merge-every");
        var maxCached = args.Int("max-cached-memories", 100_000);
        var path = args.String("db") ?? Path.Combine(Path.GetTempPath(), "agentmemory-growth-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.Formation.RunHostedWorker = false;
            o.Formation.MemoryBudget = budget;
        }).UseSqlite($"Data Source={path}", o =>
        {
            o.MaxCachedMemories = maxCached;
            if (mergeEvery is not null)
            {
                o.LexicalMergeInterval = mergeEvery == "off" ? null : int.Parse(mergeEvery, System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        try
        {
            await using (var provider = services.BuildServiceProvider())
            {
                var memory = provider.GetRequiredService<IAgentMemory>();
                var random = new Random(42);
                Console.WriteLine(Invariant($"memory-growth: {calls:N0} RememberAsync calls over {users:N0} users, SQLite {path}, no hosted worker, FlushAsync every {flushEvery} calls, memory budget {budget}, lexical merge every {mergeEvery ?? "8 (default)"}, at most {maxCached:N0} memories cached, {Environment.ProcessorCount} cores, load avg {LoadAverage()}"));
                Console.WriteLine("| calls | RSS (MB) | managed heap after GC (MB) | GC committed (MB) | ms/call (interval) | of which RememberAsync | of which FlushAsync + recall |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
                Report(0, 0, 0, 0);
                var interval = Stopwatch.GetTimestamp();
                double remembering = 0, flushing = 0;
                for (var i = 1; i <= calls; i++)
                {
                    var user = (i - 1) % users;
                    var scope = MemoryScope.ForUser("bench", "user-" + user.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var n = random.Next(1_000_000);
                    ChatMessage[] messages =
                    [
                        new(ChatRole.User, Invariant($"I moved to {Places[n % Places.Length]} in {1990 + (n % 35)} and my favorite food is {Foods[(n / 10) % Foods.Length]} number {n}.")),
                        new(ChatRole.Assistant, "Noted, thanks for telling me."),
                    ];
                    var t = Stopwatch.GetTimestamp();
                    await memory.RememberAsync(scope, messages);
                    remembering += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    if (i % flushEvery == 0 || i % reportEvery == 0)
                    {
                        t = Stopwatch.GetTimestamp();
                        await memory.FlushAsync();
                        await memory.RecallAsync(new RecallRequest { Scope = scope, Query = "where do I live" });
                        flushing += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    }

                    if (i % reportEvery == 0)
                    {
                        Report(i, Stopwatch.GetElapsedTime(interval).TotalMilliseconds / reportEvery, remembering / reportEvery, flushing / reportEvery);
                        interval = Stopwatch.GetTimestamp();
                        remembering = flushing = 0;
                    }
                }
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

    private static void Report(int calls, double msPerCall, double rememberMs, double flushMs)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        Console.WriteLine(Invariant($"| {calls:N0} | {process.WorkingSet64 / 1048576.0:F1} | {heap / 1048576.0:F1} | {committed / 1048576.0:F1} | {msPerCall:F3} | {rememberMs:F3} | {flushMs:F3} |"));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
