namespace AgentMemory.Sqlite.Tests.Search;

/// <summary>The scope caches and scope-id map stay within their configured bounds in a long-running process.</summary>
public sealed class CacheBoundTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task SearchAsync_CachesOverMaxCachedMemories_DropsLeastRecentlyUsedScopes()
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, MaxCachedMemories = 25 });
        for (var u = 0; u < 10; u++)
        {
            var scope = MemoryScope.ForUser("t1", "u" + u);
            await store.AddRangeAsync([.. Enumerable.Range(0, 10).Select(i => TestRecords.Create(scope, $"memory {i} of user {u}", TestRecords.Axis(8, i % 8)))]);
            await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(8, 0), Limit = 5 });

            store.CacheSizes.Memories.Should().BeLessThanOrEqualTo(25);
        }

        store.CacheSizes.Scopes.Should().Be(2, "two scopes of 10 fit in 25 memories");
        var first = MemoryScope.ForUser("t1", "u0");
        (await store.SearchAsync(new MemorySearchRequest { Scope = first, Vector = TestRecords.Axis(8, 1), Limit = 3 })).VectorMatches.Should().HaveCount(3, "a dropped scope is reloaded from the file");
    }

    [Fact]
    public async Task SearchAsync_OneScopeLargerThanMaxCachedMemories_IsStillServed()
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, MaxCachedMemories = 5 });
        var scope = MemoryScope.ForUser("t1", "big");
        await store.AddRangeAsync([.. Enumerable.Range(0, 20).Select(i => TestRecords.Create(scope, $"memory {i}", TestRecords.Axis(8, i % 8)))]);

        var result = await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(8, 2), Limit = 20 });

        result.VectorMatches.Should().HaveCount(20);
        store.CacheSizes.Should().Match<(int Scopes, long Memories, int ScopeIds)>(s => s.Scopes == 1 && s.Memories == 20);
    }

    [Fact]
    public async Task AddAsync_MoreScopesThanMaxCachedScopeIds_KeepsTheMapBoundedAndCorrect()
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, MaxCachedScopeIds = 4 });
        var ids = new List<(MemoryScope Scope, Guid Id)>();
        for (var u = 0; u < 12; u++)
        {
            var scope = MemoryScope.ForUser("t1", "u" + u);
            ids.Add((scope, (await store.AddAsync(TestRecords.Create(scope, "memory of user " + u, TestRecords.Axis(8, u % 8)))).Id));
            store.CacheSizes.ScopeIds.Should().BeLessThanOrEqualTo(4);
        }

        foreach (var (scope, id) in ids)
        {
            (await store.GetAsync(scope, id)).Should().NotBeNull();
            (await store.CountAsync(scope)).Should().Be(1);
        }
    }

    [Fact]
    public async Task CountAsync_CachedScopeChangedByOtherInstance_CountsTheFile()
    {
        using var a = new SqliteMemoryStore(_db.ConnectionString);
        using var b = new SqliteMemoryStore(_db.ConnectionString);
        var scope = MemoryScope.ForUser("t1", "u1");
        var first = await a.AddAsync(TestRecords.Create(scope, "first memory", TestRecords.Axis(8, 0)));
        await a.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(8, 0) }); // caches the scope in a
        (await a.CountAsync(scope)).Should().Be(1);

        await b.AddAsync(TestRecords.Create(scope, "second memory", TestRecords.Axis(8, 1)));
        (await a.CountAsync(scope)).Should().Be(2);
        await b.DeleteAsync(scope, first.Id);
        (await a.CountAsync(scope)).Should().Be(1);
    }

    [Fact]
    public async Task CountAsync_CachedScopeWithExpiredMemory_LeavesItOut()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var store = new SqliteMemoryStore(_db.ConnectionString, clock);
        var scope = MemoryScope.ForUser("t1", "u1");
        await store.AddAsync(TestRecords.Create(scope, "lasting memory", TestRecords.Axis(8, 0)));
        await store.AddAsync(TestRecords.Create(scope, "passing memory", TestRecords.Axis(8, 1)) with { ExpiresAt = clock.GetUtcNow().AddHours(1) });
        await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(8, 0) });
        (await store.CountAsync(scope)).Should().Be(2);

        clock.Advance(TimeSpan.FromHours(2));

        (await store.CountAsync(scope)).Should().Be(1);
    }

    public void Dispose() => _db.Dispose();
}
