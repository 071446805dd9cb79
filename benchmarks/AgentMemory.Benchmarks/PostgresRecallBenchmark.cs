using System.Diagnostics;
using System.Globalization;
using AgentMemory.PostgreSql;
using AgentMemory.Vectors;
using Npgsql;
using NpgsqlTypes;

namespace AgentMemory.Benchmarks;

/// <summary>
/// <c>pg-recall [--users 10000] [--per-user 100] [--dim 384] [--queries 500] [--partitions 0] [--schema bench_recall]
/// [--connection "Host=127.0.0.1;Port=55432;Username=postgres"] [--reload true]</c>: bulk-loads users × per-user memories
/// (binary COPY; text with its generated tsvector, float32 vectors, one version row per user) into a PostgreSQL store,
/// then measures one-user hybrid recall (<see cref="PostgreSqlMemoryStore.SearchAsync"/>: vector top-10 + full-text
/// top-10) through the store: warm (the instance has the user's vectors cached: a version check, the full-text query and
/// the top-k records) and cold (first recall of a user on this instance: its vectors are read too). Prints p50/p95/p99.
/// </summary>
internal static class PostgresRecallBenchmark
{
    private static readonly string[] Words = ("coffee tea travel lisbon python rust meeting budget garden cycling piano chess sushi pasta running " +
        "hiking museum novel poetry jazz football tennis yoga painting camera drone kayak sailing skiing baking vegan spicy allergy peanut " +
        "deadline invoice report slides email calendar dentist doctor gym swimming marathon birthday anniversary wedding holiday flight hotel " +
        "train bus taxi parking rent mortgage salary bonus promotion manager team project launch release bug feature review design database").Split(' ');

    public static int Run(string[] args)
    {
        var options = new CommandArgs(args);
        return RunAsync(options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(CommandArgs options)
    {
        var users = options.Int("users", 10_000);
        var perUser = options.Int("per-user", 100);
        var dim = options.Int("dim", 384);
        var queries = options.Int("queries", 500);
        var schema = options.String("schema") ?? "bench_recall";
        var connection = options.String("connection") ?? Environment.GetEnvironmentVariable("AGENTMEMORY_PG_CONNECTION") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        await using var source = NpgsqlDataSource.Create(connection);
        var storeOptions = new PostgreSqlMemoryStoreOptions { Schema = schema, Dimension = dim, TenantPartitions = options.Int("partitions", 0) };
        if (options.String("reload") is "true" or "1")
        {
            await ExecAsync(source, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
        }

        await using var store = new PostgreSqlMemoryStore(source, storeOptions);
        await store.InitializeAsync();
        var expected = (long)users * perUser;
        var existing = (long)(await ScalarAsync(source, $"SELECT count(*) FROM {schema}.memories"))!;
        if (existing != expected)
        {
            await ExecAsync(source, $"TRUNCATE {schema}.memories, {schema}.scope_versions");
            var load = Stopwatch.StartNew();
            await LoadAsync(source, schema, users, perUser, dim);
            await ExecAsync(source, $"""
                INSERT INTO {schema}.scope_versions
                SELECT tenant_id, user_id, agent_id, session_id, nextval('{schema}.scope_version_seq')
                FROM (SELECT DISTINCT tenant_id, user_id, agent_id, session_id FROM {schema}.memories) s
                """);
            await ExecAsync(source, $"ANALYZE {schema}.memories");
            Console.WriteLine(Invariant($"loaded {expected:N0} memories ({users:N0} users × {perUser}, dim {dim}) in {load.Elapsed.TotalSeconds:F1} s"));
        }

        Console.WriteLine(Invariant($"table: {expected:N0} memories, {await ScalarAsync(source, $"SELECT pg_size_pretty(pg_total_relation_size('{schema}.memories'))")} with indexes"));
        var random = new Random(42);
        var warm = new List<double>(queries);
        var cold = new List<double>(queries);
        var one = MemoryScope.ForUser("bench", "u0");

        // Warm-up: let the JIT tier up and the server's caches settle.
        for (var i = 0; i < 200; i++)
        {
            await store.SearchAsync(Request(MemoryScope.ForUser("bench", $"u{random.Next(users)}"), dim, random));
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < queries; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = await store.SearchAsync(Request(one, dim, random));
            warm.Add(sw.Elapsed.TotalMilliseconds);
            if (result.VectorMatches.Count != 10)
            {
                throw new InvalidOperationException("A recall returned fewer than 10 vector matches.");
            }
        }

        var warmCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / queries;
        for (var i = 0; i < queries; i++)
        {
            var scope = MemoryScope.ForUser("bench", $"u{1 + ((i * 7919) % (users - 1))}");
            var fresh = new PostgreSqlMemoryStore(source, storeOptions);
            await fresh.InitializeAsync();
            var sw = Stopwatch.StartNew();
            await fresh.SearchAsync(Request(scope, dim, random));
            cold.Add(sw.Elapsed.TotalMilliseconds);
            await fresh.DisposeAsync();
        }

        Console.WriteLine(Invariant($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores; client CPU per warm recall {warmCpu:F3} ms (server CPU not included)"));
        Report("warm (user's vectors cached on this instance)", warm);
        Report("cold (first recall of the user on this instance)", cold);
        return 0;
    }

    private static MemorySearchRequest Request(MemoryScope scope, int dim, Random random) => new()
    {
        Scope = scope,
        Vector = RandomVector(dim, random),
        Text = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}",
        Limit = 10,
    };

    private static async Task LoadAsync(NpgsqlDataSource source, string schema, int users, int perUser, int dim)
    {
        var random = new Random(7);
        var now = DateTime.UtcNow;
        await using var connection = await source.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync($"""
            COPY {schema}.memories (tenant_id, user_id, agent_id, session_id, id, kind, text, importance, source, created_at, updated_at, version, schema_version, embedding)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            var vector = new float[dim];
            var bytes = new byte[dim * 4];
            for (var u = 0; u < users; u++)
            {
                for (var m = 0; m < perUser; m++)
                {
                    for (var d = 0; d < dim; d++)
                    {
                        vector[d] = (float)((random.NextDouble() * 2) - 1);
                    }

                    VectorMath.Normalize(vector, vector);
                    Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                    await writer.StartRowAsync();
                    await writer.WriteAsync("bench", NpgsqlDbType.Text);
                    await writer.WriteAsync($"u{u}", NpgsqlDbType.Text);
                    await writer.WriteAsync(string.Empty, NpgsqlDbType.Text);
                    await writer.WriteAsync(string.Empty, NpgsqlDbType.Text);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync((short)(m % 3), NpgsqlDbType.Smallint);
                    await writer.WriteAsync(Sentence(random), NpgsqlDbType.Text);
                    await writer.WriteAsync(0.5, NpgsqlDbType.Double);
                    await writer.WriteAsync((short)MemorySource.User, NpgsqlDbType.Smallint);
                    await writer.WriteAsync(now.AddSeconds(-m), NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(now.AddSeconds(-m), NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer);
                    await writer.WriteAsync(bytes, NpgsqlDbType.Bytea);
                }
            }

            await writer.CompleteAsync();
        }

    }

    private static string Sentence(Random random)
        => $"the user {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} and {Words[random.Next(Words.Length)]} on {Words[random.Next(Words.Length)]} with {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}";

    private static float[] RandomVector(int dim, Random random)
    {
        var v = new float[dim];
        for (var d = 0; d < dim; d++)
        {
            v[d] = (float)((random.NextDouble() * 2) - 1);
        }

        return v;
    }

    private static void Report(string label, List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(q * ms.Count))];
        Console.WriteLine(Invariant($"{label}: n={ms.Count} p50={P(0.50):F3} ms p95={P(0.95):F3} ms p99={P(0.99):F3} ms"));
    }

    private static async Task ExecAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
