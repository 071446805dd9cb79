using AgentMemory.PostgreSql.Internal;

namespace AgentMemory.PostgreSql.Tests.Internal;

/// <summary>The per-instance scope cache stays within its bounds on scopes and on the memories they hold together.</summary>
public sealed class ScopeVectorCacheTests
{
    [Fact]
    public void Set_ManyScopes_KeepsTheMemoriesWithinTheBoundAndDropsTheLeastRecentlyUsed()
    {
        var cache = new ScopeVectorCache(maxScopes: 10_000, maxMemories: 100);
        for (var user = 0; user < 1_000; user++)
        {
            cache.Set(Key(user), Snapshot(user, memories: 10));
            cache.Memories.Should().BeLessThanOrEqualTo(100);
        }

        cache.Count.Should().Be(10);
        cache.Get(Key(999)).Should().NotBeNull();
        cache.Get(Key(989)).Should().BeNull();
    }

    [Fact]
    public void Set_OneScopeLargerThanTheBound_IsKeptForTheSearchUsingIt()
    {
        var cache = new ScopeVectorCache(maxScopes: 10, maxMemories: 5);
        cache.Set(Key(1), Snapshot(1, memories: 2));

        cache.Set(Key(2), Snapshot(2, memories: 50));

        cache.Get(Key(2)).Should().NotBeNull();
        cache.Get(Key(1)).Should().BeNull();
        cache.Memories.Should().Be(50);
    }

    [Fact]
    public void Set_ReplacingAndRemoving_KeepTheCountExact()
    {
        var cache = new ScopeVectorCache(maxScopes: 10, maxMemories: 1_000);
        cache.Set(Key(1), Snapshot(1, memories: 7));
        cache.Set(Key(1), Snapshot(1, memories: 3));
        cache.Set(Key(2), Snapshot(2, memories: 4));

        cache.Memories.Should().Be(7);
        cache.Remove(Key(1));
        cache.Memories.Should().Be(4);
        cache.RemoveWithin(MemoryScope.TenantShared("t"));
        cache.Memories.Should().Be(0);
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Set_MoreScopesThanTheBound_DropsAQuarterOfThem()
    {
        var cache = new ScopeVectorCache(maxScopes: 8, maxMemories: 1_000);
        for (var user = 0; user < 9; user++)
        {
            cache.Set(Key(user), Snapshot(user, memories: 1));
        }

        cache.Count.Should().Be(6);
        cache.Get(Key(8)).Should().NotBeNull();
    }

    private static string Key(int user) => Scope(user).Key;

    private static MemoryScope Scope(int user) => MemoryScope.ForUser("t", "u" + user.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ScopeSnapshot Snapshot(int user, int memories)
    {
        var headers = new Dictionary<Guid, MemoryRecord>();
        for (var i = 0; i < memories; i++)
        {
            var id = Guid.NewGuid();
            headers[id] = new MemoryRecord { Id = id, Scope = Scope(user), Kind = MemoryKind.Semantic, Text = string.Empty };
        }

        return new ScopeSnapshot(1, null, headers);
    }
}
