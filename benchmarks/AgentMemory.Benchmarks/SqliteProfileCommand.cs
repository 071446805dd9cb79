using System.Diagnostics;
using AgentMemory.Sqlite;
using AgentMemory.Vectors;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>sqlite-profile [--size N] [--int8] [--runs N]</c>: where a warm <see cref="SqliteMemoryStore.SearchAsync"/> spends
/// its time, by timing its parts separately on one scope of <c>--size</c> memories (default 10,000): a search that
/// matches nothing (the fixed cost: generation check, connection, transaction), lexical only, vector only, both;
/// and the in-memory <see cref="VectorPartition"/> scan alone for the same vectors. Medians and p95 in ms.
/// <c>--ingest [--batch N] [--users N] [--random-ids] [--repeat N] [--page-size N] [--normal] [--merge-every N] [--warmup N]</c>
/// times ingest instead: <c>--size</c> memories in batches of <c>--batch</c> (default 1,000), round-robin over
/// <c>--users</c> scopes (default 1), with time-ordered ids (<see cref="Guid.CreateVersion7()"/>, as the pipeline makes
/// them) or, with <c>--random-ids</c>, random ones (<see cref="Guid.NewGuid"/>), into a fresh file, <c>--repeat</c>
/// times, then the median; <c>--warmup N</c> first ingests N memories into another file, so the timed runs start with
/// the JIT warm.
/// </summary>
internal static class SqliteProfileCommand
{
    private const int Dimension = 384;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var size = Option(args, "--size", 10_000);
        var runs = Option(args, "--runs", 1000);
        var mode = args.Contains("--int8") ? VectorSearchMode.Int8 : VectorSearchMode.Exact;
        var path = Path.Combine(Path.GetTempPath(), "agentmemory-profile-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var random = new Random(42);
        var words = Enumerable.Range(0, 5000).Select(i => new string([.. Enumerable.Range(0, 4 + (i % 6)).Select(_ => (char)('a' + random.Next(26)))])).ToArray();
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        float[] Vector() => VectorMath.Normalize([.. Enumerable.Range(0, Dimension).Select(_ => (float)(random.NextDouble() - 0.5))]);
        try
        {
            if (args.Contains("--ingest"))
            {
                var ingest = new IngestSettings(
                    Batch: Option(args, "--batch", 1000),
                    Normal: args.Contains("--normal"),
                    MergeEvery: Array.IndexOf(args, "--merge-every") >= 0 ? Option(args, "--merge-every", 8) : 8,
                    PageSize: Option(args, "--page-size", SqliteMemoryStoreOptions.DefaultPageSize),
                    Users: Option(args, "--users", 1),
                    RandomIds: args.Contains("--random-ids"));
                if (Array.IndexOf(args, "--warmup") >= 0)
                {
                    // A separate file, so each measured run starts from an empty store as without --warmup; only the JIT is warm.
                    await IngestAsync(path + ".warmup", Option(args, "--warmup", 5000), ingest, () => Sentence(8), Vector);
                }

                var rates = new List<double>();
                for (var run = 0; run < Option(args, "--repeat", 1); run++)
                {
                    rates.Add(await IngestAsync(path + "." + run, size, ingest, () => Sentence(8), Vector));
                }

                rates.Sort();
                Console.WriteLine($"median of {rates.Count}: {rates[rates.Count / 2]:N0} memories/s wall (range {rates[0]:N0}–{rates[^1]:N0})");
                return 0;
            }

            var scope = MemoryScope.ForUser("bench", "u0");
            var options = new SqliteMemoryStoreOptions { ConnectionString = $"Data Source={path}", Dimension = Dimension, Vectors = new VectorPartitionOptions { Mode = mode, Layout = VectorLayout.RowMajor }, QuantizeAtRows = args.Contains("--exact") ? null : SqliteMemoryStoreOptions.DefaultQuantizeAtRows };
            if (Array.IndexOf(args, "--merge-every") is var m && m >= 0)
            {
                options.LexicalMergeInterval = Option(args, "--merge-every", 8);
            }

            var partition = new VectorPartition(Dimension, options.Vectors, size);
            using (var store = new SqliteMemoryStore(options))
            {
                var step = args.Contains("--single") ? 1 : 1000;
                for (var i = 0; i < size; i += step)
                {
                    var batch = Enumerable.Range(0, Math.Min(step, size - i)).Select(_ => new MemoryRecord { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Semantic, Text = Sentence(8), Embedding = Vector() }).ToList();
                    await store.AddRangeAsync(batch);
                    batch.ForEach(r => partition.Upsert(r.Id, r.Embedding.Span));
                }
            }

            using var warm = new SqliteMemoryStore(options);
            var noMatch = new MemorySearchRequest { Scope = scope, Text = "zzzzzzzzzz", Limit = 20 };
            var cases = new (string Name, Func<MemorySearchRequest> Make)[]
            {
                ("fixed cost (no match)", () => noMatch),
                ("lexical only", () => new MemorySearchRequest { Scope = scope, Text = Sentence(3), Limit = 20 }),
                ("vector only", () => new MemorySearchRequest { Scope = scope, Vector = Vector(), Limit = 20 }),
                ("vector + lexical", () => new MemorySearchRequest { Scope = scope, Vector = Vector(), Text = Sentence(3), Limit = 20 }),
            };
            Console.WriteLine($"sqlite-profile: {size:N0} memories in scope, {mode}, load avg {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine("| part | p50 (ms) | p95 (ms) |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, make) in cases)
            {
                var requests = Enumerable.Range(0, runs + 300).Select(_ => make()).ToArray();
                var times = new double[runs];
                for (var i = 0; i < requests.Length; i++)
                {
                    var t = Stopwatch.GetTimestamp();
                    await warm.SearchAsync(requests[i]);
                    if (i >= 300)
                    {
                        times[i - 300] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                    }
                }

                Report(name, times);
            }

            var matches = new VectorMatch[20];
            var scan = new double[runs];
            for (var i = 0; i < runs + 300; i++)
            {
                var q = Vector();
                var t = Stopwatch.GetTimestamp();
                partition.Search(q, matches, null);
                if (i >= 300)
                {
                    scan[i - 300] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
            }

            Report("VectorPartition.Search alone", scan);
            SqlShapes(path, runs, () => Sentence(3).Split(' '));
            using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "INSERT INTO memory_fts(memory_fts) VALUES ('optimize')";
                cmd.ExecuteNonQuery();
            }

            Console.WriteLine("after FTS5 optimize:");
            SqlShapes(path, runs, () => Sentence(3).Split(' '));
            return 0;
        }
        finally
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>
    /// Ingest only, into a fresh file that is deleted afterwards: <see cref="SqliteMemoryStore.AddRangeAsync"/> batches of
    /// <see cref="IngestSettings.Batch"/> (1 = one <see cref="SqliteMemoryStore.AddAsync"/> per memory), memories spread
    /// round-robin over <see cref="IngestSettings.Users"/> scopes. Prints wall and process-CPU rates and returns the wall
    /// rate (memories/s). The data is generated before the clock starts.
    /// </summary>
    private static async Task<double> IngestAsync(string path, int size, IngestSettings settings, Func<string> sentence, Func<float[]> vector)
    {
        var scopes = Enumerable.Range(0, settings.Users).Select(u => MemoryScope.ForUser("bench", "u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var batches = Enumerable.Range(0, (size + settings.Batch - 1) / settings.Batch).Select(b => Enumerable.Range(b * settings.Batch, Math.Min(settings.Batch, size - (b * settings.Batch)))
            .Select(i => new MemoryRecord { Id = settings.RandomIds ? Guid.NewGuid() : Guid.CreateVersion7(), Scope = scopes[i % scopes.Length], Kind = MemoryKind.Semantic, Text = sentence(), Embedding = vector() }).ToList()).ToList();
        try
        {
            using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions
            {
                ConnectionString = $"Data Source={path}",
                Dimension = Dimension,
                Synchronous = settings.Normal ? SqliteSynchronousMode.Normal : SqliteSynchronousMode.Full,
                LexicalMergeInterval = settings.MergeEvery > 0 ? settings.MergeEvery : null,
                PageSize = settings.PageSize,
            });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                if (batch.Count == 1)
                {
                    await store.AddAsync(batch[0]);
                }
                else
                {
                    await store.AddRangeAsync(batch);
                }
            }

            var wall = size / sw.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"ingest {size:N0} in batches of {settings.Batch:N0}, round-robin over {settings.Users:N0} scopes, {(settings.RandomIds ? "random" : "time-ordered")} ids ({(settings.Normal ? "NORMAL" : "FULL")}, {settings.PageSize:N0}-byte pages, FTS merge every {settings.MergeEvery}): {wall:N0} memories/s wall, {size / cpuSeconds:N0} memories/CPU-s, load avg {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return wall;
        }
        finally
        {
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>Times FTS5 query shapes straight on the file (scope row id 1).</summary>
    private static void SqlShapes(string path, int runs, Func<string[]> terms)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        c.Open();
        string Text(string[] t) => string.Join(" OR ", t.Select(w => "\"" + w + "\""));
        var shapes = new (string Name, string Sql, Func<string[], string> Query)[]
        {
            ("fts: scope AND text, ORDER BY bm25", "SELECT rowid, bm25(memory_fts, 1.0, 0.0) AS score FROM memory_fts WHERE memory_fts MATCH $q ORDER BY score", t => "{scope} : (sc1) AND {text} : (" + Text(t) + ")"),
            ("fts: scope AND text, no ORDER BY", "SELECT rowid FROM memory_fts WHERE memory_fts MATCH $q", t => "{scope} : (sc1) AND {text} : (" + Text(t) + ")"),
            ("fts: text only, ORDER BY bm25", "SELECT rowid, bm25(memory_fts, 1.0, 0.0) AS score FROM memory_fts WHERE memory_fts MATCH $q ORDER BY score", t => "{text} : (" + Text(t) + ")"),
            ("fts: text only, ORDER BY rank", "SELECT rowid, rank FROM memory_fts WHERE memory_fts MATCH $q ORDER BY rank", t => "{text} : (" + Text(t) + ")"),
            ("fts: scope only, count", "SELECT count(*) FROM memory_fts WHERE memory_fts MATCH $q", _ => "{scope} : sc1"),
        };
        foreach (var (name, sql, query) in shapes)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            var p = cmd.Parameters.Add("$q", Microsoft.Data.Sqlite.SqliteType.Text);
            var times = new double[runs];
            for (var i = 0; i < runs + 100; i++)
            {
                p.Value = query(terms());
                var t = Stopwatch.GetTimestamp();
                using (var r = cmd.ExecuteReader())
                {
                    while (r.Read())
                    {
                    }
                }

                if (i >= 100)
                {
                    times[i - 100] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }
            }

            Report(name, times);
        }
    }

    private static void Report(string name, double[] times)
    {
        Array.Sort(times);
        Console.WriteLine($"| {name} | {times[times.Length / 2]:F3} | {times[(int)(times.Length * 0.95)]:F3} |");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record IngestSettings(int Batch, bool Normal, int MergeEvery, int PageSize, int Users, bool RandomIds);
}
