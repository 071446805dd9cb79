using AgentMemory.Storage;
using FluentAssertions;

namespace AgentMemory.Tests.Storage;

/// <summary>The per-process cache of scope indexes stays within its bounds and reloads a scope whose generation moved.</summary>
public sealed class ScopeIndexCacheTests
{
    [Fact]
    public void Trim_ManyScopes_KeepsTheMemoriesWithinTheBoundAndDropsTheLeastRecentlyUsed()
    {
        var cache = Create(maxScopes: 10_000, maxMemories: 100);
        for (var user = 0; user < 1_000; user++)
        {
            var index = Index(user, memories: 10);
            cache.Set(Key(user), index);
            cache.Trim([index]);
            cache.Memories.Should().BeLessThanOrEqualTo(100);
        }

        cache.Count.Should().Be(10);
        cache.TryGet(Key(999), out _).Should().BeTrue();
        cache.TryGet(Key(989), out _).Should().BeFalse();
    }

    [Fact]
    public void Trim_OneScopeLargerThanTheBound_IsKeptForTheSearchUsingIt()
    {
        var cache = Create(maxScopes: 10, maxMemories: 5);
        cache.Set(Key(1), Index(1, memories: 2));
        var big = Index(2, memories: 50);
        cache.Set(Key(2), big);

        cache.Trim([big]);

        cache.TryGet(Key(2), out _).Should().BeTrue();
        cache.TryGet(Key(1), out _).Should().BeFalse();
        cache.Memories.Should().Be(50);
    }

    [Fact]
    public void Set_ReplacingAndRemoving_KeepTheCountExact()
    {
        var cache = Create(maxScopes: 10, maxMemories: 1_000);
        cache.Set(Key(1), Index(1, memories: 7));
        cache.Set(Key(1), Index(1, memories: 3));
        cache.Set(Key(2), Index(2, memories: 4));

        cache.Memories.Should().Be(7);
        cache.Remove(Key(1));
        cache.Memories.Should().Be(4);
        cache.RemoveWhere(index => MemoryScope.TenantShared("t").Contains(index.Scope));
        cache.Memories.Should().Be(0);
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void Trim_MoreScopesThanTheBound_DropsAQuarterOfThem()
    {
        var cache = Create(maxScopes: 8, maxMemories: 1_000);
        ScopeIndex last = null!;
        for (var user = 0; user < 9; user++)
        {
            last = Index(user, memories: 1);
            cache.Set(Key(user), last);
            cache.Trim([last]);
        }

        cache.Count.Should().Be(6);
        cache.TryGet(Key(8), out _).Should().BeTrue();
    }

    [Fact]
    public void Acquire_GenerationMoved_ReloadsTheIndex()
    {
        var cache = Create(maxScopes: 10, maxMemories: 1_000);
        var loads = 0;
        void Load(ScopeIndex index, int memories)
        {
            loads++;
            Fill(index, memories);
        }

        cache.Acquire(Key(1), Scope(1), 1, Load, 3).Records.Should().HaveCount(3);
        cache.Acquire(Key(1), Scope(1), 1, Load, 5).Records.Should().HaveCount(3, "the generation is unchanged");
        cache.Acquire(Key(1), Scope(1), 2, Load, 5).Records.Should().HaveCount(5);
        loads.Should().Be(2);
    }

    [Fact]
    public void Apply_IndexOneGenerationBehind_AppliesTheChange_OtherwiseMarksItForReload()
    {
        var cache = Create(maxScopes: 10, maxMemories: 1_000);
        var index = cache.Acquire(Key(1), Scope(1), 4, static (i, n) => Fill(i, n), 2);

        cache.Apply(Key(1), 5, i => Fill(i, 1));
        index.Generation.Should().Be(5);
        index.Records.Should().HaveCount(3);

        cache.Apply(Key(1), 7, i => Fill(i, 1));
        index.Generation.Should().Be(-1, "the index missed generation 6");
        index.Records.Should().HaveCount(3);
    }

    private static ScopeIndexCache<string> Create(int maxScopes, long maxMemories)
        => new(maxScopes, maxMemories, static scope => new ScopeIndex(scope), StringComparer.Ordinal);

    private static string Key(int user) => Scope(user).Key;

    private static MemoryScope Scope(int user) => MemoryScope.ForUser("t", "u" + user.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ScopeIndex Index(int user, int memories)
    {
        var index = new ScopeIndex(Scope(user));
        Fill(index, memories);
        return index;
    }

    private static void Fill(ScopeIndex index, int memories)
    {
        for (var i = 0; i < memories; i++)
        {
            index.Put(new MemoryRecord { Id = Guid.NewGuid(), Scope = index.Scope, Kind = MemoryKind.Semantic, Text = "memory " + i }, [1f, 0f]);
        }
    }
}
