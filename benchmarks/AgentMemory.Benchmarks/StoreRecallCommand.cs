using System.Diagnostics;
using AgentMemory.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static System.FormattableString;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>store-recall [--quick] [--sizes 1000,10000,100000] [--runs N] [--warmup N] [--vocabulary 4000]</c>: one scope of
/// the in-memory store (built through <c>AddAgentMemory().UseInMemoryStore()</c>) holding N memories of 384 dims, then
/// per query (a) store <c>SearchAsync</c> vector only, (b) vector + lexical (the hybrid candidates), (c) the full
/// <see cref="IAgentMemory.RecallAsync"/> with a precomputed-vector embedding generator (no embedding time), as p50/p95
/// wall and thread-CPU latency, and a stopwatch breakdown of the BM25 query.
/// </summary>
internal static class StoreRecallCommand
{
    private const int Dimension = 384;

    /// <summary>What the hybrid retriever asks the store for by default (<c>RetrievalOptions.CandidateLimit</c>).</summary>
    private const int Limit = 50;

    private static readonly string[] Operations = ["(a) store search, vector only", "(b) store search, vector + lexical", "(c) IAgentMemory.RecallAsync"];

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new CommandArgs([.. args.Where(a => a != "--quick")]);
        var sizes = (options.String("sizes") ?? (quick ? "1000,10000" : "1000,10000,100000")).Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var warmup = options.Int("warmup", quick ? 500 : 2000);
        var vocabulary = options.Int("vocabulary", 4000);
        Console.WriteLine(Invariant($"store-recall: in-memory store, one scope, dim {Dimension}, store limit {Limit}, recall TopK 8 (defaults), vocabulary {vocabulary} pseudo-words (Zipf-Mandelbrot), {Environment.ProcessorCount} cores, load avg {LoadAverage()}, {(ThreadClock.IsCpuTime ? "thread CPU clock" : "no thread CPU clock")}"));
        Console.WriteLine("Recall uses a precomputed-vector embedding generator (a dictionary look-up): no embedding time is included.");
        Console.WriteLine(Invariant($"Warm-up: {warmup} rounds of (a)+(b)+(c) on the first size (JIT tier-up is per method and shared by all sizes), then {Math.Min(warmup, 200)} per later size."));
        var results = new List<string>();
        var breakdowns = new List<string>();
        var first = true;
        foreach (var size in sizes)
        {
            var runs = options.Int("runs", quick ? 200 : size >= 100_000 ? 300 : 1000);
            var (rows, breakdown) = Measure(size, vocabulary, first ? warmup : Math.Min(warmup, 200), runs);
            results.AddRange(rows);
            breakdowns.Add(breakdown);
            first = false;
            GC.Collect();
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Latency per call, ms (load avg now {LoadAverage()}):"));
        Console.WriteLine("| memories | operation | wall p50 | wall p95 | CPU p50 | CPU p95 | alloc/call |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("BM25 query: the first Guid-dictionary layout timed per phase (baseline) vs the real Bm25Index.Search (thread-CPU medians, ms):");
        Console.WriteLine("| memories | analyze query | accumulate scores | rank (LINQ OrderBy) | baseline total | real Bm25Index.Search | postings touched/query | docs matched/query | index terms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        breakdowns.ForEach(Console.WriteLine);
        return 0;
    }

    private static (List<string> Rows, string Breakdown) Measure(int size, int vocabulary, int warmup, int runs)
    {
        var corpus = new RecallCorpus(vocabulary, 42);
        var embedder = new LocalEmbeddingGenerator(Dimension);
        var scope = MemoryScope.ForUser("bench", "u0");
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var records = new MemoryRecord[size];
        for (var i = 0; i < size; i++)
        {
            var text = corpus.Memory();
            var kind = corpus.Next() switch { < 0.55 => MemoryKind.Episodic, < 0.95 => MemoryKind.Semantic, _ => MemoryKind.Procedural };
            var created = now - TimeSpan.FromDays(365 * corpus.Next());
            records[i] = new MemoryRecord
            {
                Id = Guid.NewGuid(),
                Scope = scope,
                Kind = kind,
                Text = text,
                Embedding = embedder.Embed(text),
                Importance = 0.2 + (0.7 * corpus.Next()),
                CreatedAt = created,
                UpdatedAt = created,
                OccurredAt = kind == MemoryKind.Episodic ? created : null,
            };
        }

        var queryVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (queryVectors.Count < 512)
        {
            var q = corpus.Query();
            queryVectors.TryAdd(q, embedder.Embed(q));
        }

        var queries = queryVectors.Keys.ToArray();
        var generated = watch.Elapsed.TotalSeconds;

        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new PrecomputedEmbeddingGenerator(queryVectors));
        services.AddAgentMemory().UseInMemoryStore(o => o.Dimension = Dimension);
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IMemoryStore>();
        var memory = provider.GetRequiredService<IAgentMemory>();
        watch.Restart();
        foreach (var record in records)
        {
            store.AddAsync(record).GetAwaiter().GetResult();
        }

        var ingest = size / watch.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"{size:N0} memories: generated + embedded in {generated:F1} s, added at {ingest:N0} memories/s (wall), load avg {LoadAverage()}"));

        var calls = new Func<string, object>[]
        {
            q => Sync(store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = queryVectors[q], Limit = Limit })),
            q => Sync(store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = queryVectors[q], Text = q, Limit = Limit })),
            q => Sync(memory.RecallAsync(new RecallRequest { Scope = scope, Query = q })),
        };

        for (var i = 0; i < warmup; i++)
        {
            foreach (var call in calls)
            {
                call(queries[i % queries.Length]);
            }
        }

        var wall = new double[calls.Length][];
        var cpu = new double[calls.Length][];
        var allocated = new long[calls.Length];
        for (var op = 0; op < calls.Length; op++)
        {
            wall[op] = new double[runs];
            cpu[op] = new double[runs];
        }

        for (var i = 0; i < runs; i++)
        {
            var query = queries[(warmup + i) % queries.Length];
            for (var op = 0; op < calls.Length; op++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var c = ThreadClock.Now();
                var t = Stopwatch.GetTimestamp();
                var result = calls[op](query);
                wall[op][i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                cpu[op][i] = (ThreadClock.Now() - c) * 1e3;
                allocated[op] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                GC.KeepAlive(result);
            }
        }

        var rows = new List<string>();
        for (var op = 0; op < calls.Length; op++)
        {
            Array.Sort(wall[op]);
            Array.Sort(cpu[op]);
            rows.Add(Invariant($"| {size:N0} | {Operations[op]} | {P(wall[op], 0.5):F3} | {P(wall[op], 0.95):F3} | {P(cpu[op], 0.5):F3} | {P(cpu[op], 0.95):F3} | {allocated[op] / runs / 1024.0:F1} KB |"));
            Console.WriteLine(rows[^1]);
        }

        var lexical = new LexicalBreakdown([.. records.Select(r => (r.Id, r.Text))])
            .Measure(queries, warmup, Math.Min(runs, 300), Limit);
        var breakdown = Invariant($"| {size:N0} | {lexical.AnalyzeMs:F3} | {lexical.AccumulateMs:F3} | {lexical.RankMs:F3} | {lexical.AnalyzeMs + lexical.AccumulateMs + lexical.RankMs:F3} | {lexical.RealSearchMs:F3} | {lexical.Postings:N0} | {lexical.Matched:N0} | {lexical.Terms:N0} |");
        Console.WriteLine(breakdown);
        return (rows, breakdown);
    }

    /// <summary>The store and recall path complete synchronously here; fail loudly if not (the CPU clock is per thread).</summary>
    private static T Sync<T>(Task<T> task)
        => task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("Expected a synchronously completed task.");

    private static double P(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
