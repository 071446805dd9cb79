using System.Collections.Concurrent;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>Several independent store instances (separate data sources) over one database and schema.</summary>
public sealed class MultiInstanceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly string _schema = DatabaseFixture.NewSchema();
    private readonly List<NpgsqlDataSource> _sources = [];
    private readonly List<PostgreSqlMemoryStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task SearchAsync_AfterAnotherInstanceWrites_SeesItInTheNextRecall()
    {
        var a = NewStore();
        var b = NewStore();
        var scope = MemoryScope.ForUser("acme", "ada");
        var first = await a.AddAsync(Record(scope, "likes green tea", [1, 0, 0, 0]));

        (await Search(b, scope, [1, 0, 0, 0], "tea")).VectorMatches.Should().ContainSingle().Which.Record.Id.Should().Be(first.Id);
        b.CachedScopes.Should().BeGreaterThan(0, "the first recall caches the scope's vectors");

        // Another instance adds, re-embeds and deletes: b's cached snapshot must not be served stale.
        var second = await a.AddAsync(Record(scope, "drinks black coffee", [0, 1, 0, 0]));
        var moved = await a.UpdateAsync(first with { Text = "likes green tea a lot", Embedding = new float[] { 0, 0, 1, 0 } });
        var afterWrites = await Search(b, scope, [0, 1, 0, 0], "coffee");
        afterWrites.VectorMatches.Select(m => m.Record.Id).Should().Equal(second.Id, moved.Id);
        afterWrites.VectorMatches[0].Score.Should().BeApproximately(1, 1e-5);
        afterWrites.VectorMatches[1].Score.Should().BeApproximately(0, 1e-5, "the update's new vector replaced the cached one");
        afterWrites.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(second.Id);

        await a.DeleteAsync(scope, second.Id);
        (await Search(b, scope, [0, 1, 0, 0], "coffee")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 1 && r.LexicalMatches.Count == 0);

        await b.EraseAsync(scope);
        (await Search(a, scope, [0, 0, 1, 0], "tea")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 0 && r.LexicalMatches.Count == 0);
    }

    [Fact]
    public async Task ClaimAsync_JobsQueuedByBothInstances_AreProcessedExactlyOnceByWorkersOnBoth()
    {
        var a = NewStore();
        var b = NewStore();
        var jobs = new List<FormationJob>();
        for (var i = 0; i < 150; i++)
        {
            var job = new FormationJob { Id = Guid.NewGuid(), Scope = MemoryScope.ForUser("acme", $"u{i % 25}"), Payload = $"{{\"n\":{i}}}", EnqueuedAt = DateTimeOffset.UtcNow.AddMilliseconds(i) };
            jobs.Add(job);
            await (i % 2 == 0 ? a : b).EnqueueAsync(job);
            if (i % 10 == 0)
            {
                await (i % 2 == 0 ? b : a).EnqueueAsync(job); // idempotent by id
            }
        }

        var processed = new ConcurrentDictionary<Guid, int>();
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var workers = new[] { (a, "a1"), (a, "a2"), (b, "b1"), (b, "b2") }.Select(w => Task.Run(async () =>
        {
            var idle = 0;
            while (idle < 10)
            {
                var claimed = await w.Item1.ClaimAsync(w.Item2, 3, TimeSpan.FromMinutes(5));
                if (claimed.Count == 0)
                {
                    idle++;
                    await Task.Delay(10);
                    continue;
                }

                idle = 0;
                foreach (var job in claimed)
                {
                    if (inFlight.AddOrUpdate(job.Scope.Key, 1, (_, n) => n + 1) > 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    processed.AddOrUpdate(job.Id, 1, (_, n) => n + 1);
                    await Task.Delay(1);
                    inFlight.AddOrUpdate(job.Scope.Key, 0, (_, n) => n - 1);
                    (await w.Item1.CompleteAsync(job.Id, w.Item2)).Should().BeTrue();
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        processed.Keys.Should().BeEquivalentTo(jobs.Select(j => j.Id));
        processed.Values.Should().OnlyContain(n => n == 1, "no job is processed twice");
        overlaps.Should().Be(0, "a scope never has two jobs in flight");
        (await a.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null));
    }

    [Fact]
    public async Task InitializeAsync_ManyInstancesAtOnce_MigrateOnce()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => NewStore()).ToList();

        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));

        await using var connection = await _sources[0].OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {_schema}.schema_version", connection);
        ((long)(await cmd.ExecuteScalarAsync())!).Should().Be(3, "versions 1, 2 and 3 are each applied once");
    }

    private PostgreSqlMemoryStore NewStore()
    {
        var source = database.NewDataSource();
        _sources.Add(source);
        var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = _schema });
        _stores.Add(store);
        return store;
    }

    private static MemoryRecord Record(MemoryScope scope, string text, float[] vector)
        => new() { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Semantic, Text = text, Embedding = vector };

    private static Task<MemorySearchResult> Search(IMemoryStore store, MemoryScope scope, float[] vector, string text)
        => store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = vector, Text = text, Limit = 10 });
}
