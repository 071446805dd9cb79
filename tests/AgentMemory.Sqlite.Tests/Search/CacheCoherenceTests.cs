namespace AgentMemory.Sqlite.Tests.Search;

/// <summary>Two store instances over one file behave like two processes: each has its own cached partitions.</summary>
public sealed class CacheCoherenceTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task SearchAsync_AfterOtherInstanceWrites_SeesAddsUpdatesAndDeletes()
    {
        using var a = new SqliteMemoryStore(_db.ConnectionString);
        using var b = new SqliteMemoryStore(_db.ConnectionString);
        var scope = MemoryScope.ForUser("t1", "u1");
        var first = await a.AddAsync(TestRecords.Create(scope, "first memory", TestRecords.Axis(8, 0)));
        (await Vector(a, scope, 0)).Should().Equal(first.Id);

        var second = await b.AddAsync(TestRecords.Create(scope, "second memory", TestRecords.Axis(8, 1)));
        (await Vector(a, scope, 1)).Should().StartWith(second.Id);

        await b.UpdateAsync(first with { Embedding = TestRecords.Axis(8, 2), Text = "first memory moved" });
        (await Vector(a, scope, 2)).Should().StartWith(first.Id);
        (await a.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "moved" })).LexicalMatches.Should().ContainSingle().Which.Record.Version.Should().Be(2);

        await b.DeleteAsync(scope, second.Id);
        (await Vector(a, scope, 1)).Should().NotContain(second.Id);

        var third = await a.AddAsync(TestRecords.Create(scope, "third memory", TestRecords.Axis(8, 3)));
        (await Vector(b, scope, 3)).Should().Equal(third.Id);
    }

    [Fact]
    public async Task LexicalSearch_WarmIndex_FollowsTheOtherInstancesWrites()
    {
        using var a = new SqliteMemoryStore(_db.ConnectionString);
        using var b = new SqliteMemoryStore(_db.ConnectionString);
        var scope = MemoryScope.ForUser("t1", "u1");
        var tea = await a.AddAsync(TestRecords.Create(scope, "drinks green tea", TestRecords.Axis(8, 0)));
        (await Lexical(a, scope, "tea")).Should().Equal(tea.Id); // builds a's in-memory index

        var kiwi = await b.AddAsync(TestRecords.Create(scope, "grows kiwi fruit", TestRecords.Axis(8, 1)) with { Context = "What is in your garden?" });
        await b.UpdateAsync(tea with { Text = "drinks black coffee" });

        (await Lexical(a, scope, "kiwi")).Should().Equal(kiwi.Id);
        (await Lexical(a, scope, "garden")).Should().Equal(kiwi.Id);
        (await Lexical(a, scope, "tea")).Should().BeEmpty();
        (await Lexical(a, scope, "coffee")).Should().Equal(tea.Id);

        await b.DeleteAsync(scope, kiwi.Id);
        (await Lexical(a, scope, "kiwi garden")).Should().BeEmpty();
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEverything()
    {
        var scope = MemoryScope.ForUser("t1", "u1");
        MemoryRecord stored;
        using (var store = new SqliteMemoryStore(_db.ConnectionString))
        {
            stored = await store.AddAsync(TestRecords.Create(scope, "remember the milk", TestRecords.Axis(8, 4)) with { Topic = "shopping", Importance = 0.9 });
        }

        using var reopened = new SqliteMemoryStore(_db.ConnectionString);
        var read = await reopened.GetAsync(scope, stored.Id);
        read.Should().NotBeNull();
        read!.Text.Should().Be("remember the milk");
        read.Importance.Should().Be(0.9);
        read.Embedding.ToArray().Should().Equal(TestRecords.Axis(8, 4));
        reopened.Dimension.Should().Be(8);
        (await Vector(reopened, scope, 4)).Should().Equal(stored.Id);
    }

    public void Dispose() => _db.Dispose();

    private static async Task<List<Guid>> Vector(SqliteMemoryStore store, MemoryScope scope, int axis)
        => (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(8, axis) })).VectorMatches
            .Where(m => m.Score > 0.5).Select(m => m.Record.Id).ToList();

    private static async Task<List<Guid>> Lexical(SqliteMemoryStore store, MemoryScope scope, string text)
        => [.. (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = text })).LexicalMatches.Select(m => m.Record.Id)];
}
