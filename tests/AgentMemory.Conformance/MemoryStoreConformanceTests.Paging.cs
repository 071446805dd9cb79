using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Conformance;

/// <summary>Listing order, limits and keyset pages (<see cref="IAgentMemory.ListPageAsync"/>) over this store.</summary>
public abstract partial class MemoryStoreConformanceTests
{
    [Theory]
    [InlineData(MemoryListOrder.CreatedAscending)]
    [InlineData(MemoryListOrder.CreatedDescending)]
    [InlineData(MemoryListOrder.UpdatedAscending)]
    [InlineData(MemoryListOrder.UpdatedDescending)]
    public virtual async Task ListPageAsync_Pages_CoverEveryRecordOnceInOrder(MemoryListOrder order)
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        var added = await AddTimedAsync(User(), 8);
        await AddTimedAsync(User("t1", "other"), 3);
        foreach (var record in new[] { added[5], added[0], added[3] })
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            var stored = await Store.GetAsync(User(), record.Id);
            await Store.UpdateAsync(stored! with { Text = stored.Text + " (changed)", UpdatedAt = Time.GetUtcNow() });
        }

        var current = await ListAsync(User());
        var expected = Sorted(current, order);

        var pages = await ReadPagesAsync(memory, User(), new MemoryListOptions { Order = order, Limit = 3 });

        pages.Select(p => p.Items.Count).Should().Equal(3, 3, 2);
        pages[^1].NextCursor.Should().BeNull();
        pages.SelectMany(p => p.Items).Select(r => r.Id).Should().Equal(expected.Select(r => r.Id), "pages follow {0} with id as the tie-break", order);
    }

    [Fact]
    public virtual async Task ListAsync_LimitAndOrder_ReturnTheNewestFirst()
    {
        var added = await AddTimedAsync(User(), 5);

        var listed = await Store.ListAsync(User(), new MemoryListOptions { Order = MemoryListOrder.CreatedDescending, Limit = 2 }).ToListAsync();

        listed.Select(r => r.Id).Should().Equal(Sorted(added, MemoryListOrder.CreatedDescending).Take(2).Select(r => r.Id));
    }

    [Theory]
    [InlineData(MemoryListOrder.CreatedAscending)]
    [InlineData(MemoryListOrder.CreatedDescending)]
    public virtual async Task ListPageAsync_RecordsAddedWhilePaging_NeverRepeatOrSkipOlderOnes(MemoryListOrder order)
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        var older = await AddTimedAsync(User(), 9);
        var options = new MemoryListOptions { Order = order, Limit = 4 };

        var seen = new List<MemoryRecord>();
        var page = await memory.ListPageAsync(User(), options);
        seen.AddRange(page.Items);
        var newer = await AddTimedAsync(User(), 3, "newer");
        while (page.NextCursor is { } cursor)
        {
            page = await memory.ListPageAsync(User(), options with { Cursor = cursor });
            seen.AddRange(page.Items);
            if (page.NextCursor is not null)
            {
                await AddTimedAsync(User(), 1, "newest");
            }
        }

        seen.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        seen.Select(r => r.Id).Should().Contain(older.Select(r => r.Id));
        seen.Where(r => older.Any(o => o.Id == r.Id)).Select(r => r.Id).Should().Equal(Sorted(older, order).Select(r => r.Id));
        if (order == MemoryListOrder.CreatedAscending)
        {
            seen.Select(r => r.Id).Should().Contain(newer.Select(r => r.Id), "oldest first, what was added later comes at the end");
        }
        else
        {
            seen.Select(r => r.Id).Should().NotIntersectWith(newer.Select(r => r.Id), "newest first, what was added later lies before the cursor");
        }
    }

    [Fact]
    public virtual async Task ListPageAsync_Filter_PagesOnlyMatchingRecordsAndStopsAtTheLimit()
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        for (var i = 0; i < 9; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await AddAsync(User(), "memory " + i, kind: i % 3 == 0 ? MemoryKind.Procedural : MemoryKind.Semantic);
        }

        var options = new MemoryListOptions { Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { MemoryKind.Procedural } }, Limit = 2 };
        var pages = await ReadPagesAsync(memory, User(), options);

        pages.SelectMany(p => p.Items).Select(r => r.Text).Should().Equal("memory 0", "memory 3", "memory 6");
        pages.Select(p => p.Items.Count).Should().Equal(2, 1);
    }

    [Fact]
    public virtual async Task ListPageAsync_OtherScopes_AreNeverPagedAndTheirCursorsAreRejected()
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        var alice = await AddTimedAsync(User("t1", "alice"), 4);
        await AddTimedAsync(User("t1", "bob"), 4);
        await AddTimedAsync(User("t2", "alice"), 4);

        var pages = await ReadPagesAsync(memory, User("t1", "alice"), new MemoryListOptions { Limit = 3 });
        var first = await memory.ListPageAsync(User("t1", "alice"), new MemoryListOptions { Limit = 1 });

        pages.SelectMany(p => p.Items).Select(r => r.Id).Should().BeEquivalentTo(alice.Select(r => r.Id));
        var foreign = () => memory.ListPageAsync(User("t1", "bob"), new MemoryListOptions { Limit = 1, Cursor = first.NextCursor });
        await foreign.Should().ThrowAsync<ArgumentException>();
        var otherMatch = () => memory.ListPageAsync(User("t1", "alice"), new MemoryListOptions { Limit = 1, Cursor = first.NextCursor, Match = ScopeMatch.Within });
        await otherMatch.Should().ThrowAsync<ArgumentException>();
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("AAAA")]
    [InlineData("")]
    public virtual async Task ListPageAsync_MalformedCursor_IsRejected(string cursor)
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        await AddTimedAsync(User(), 2);

        var act = () => memory.ListPageAsync(User(), new MemoryListOptions { Cursor = cursor });

        await act.Should().ThrowAsync<ArgumentException>();
        var storeList = async () => await Store.ListAsync(User(), new MemoryListOptions { Cursor = cursor }).ToListAsync();
        await storeList.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public virtual async Task ListPageAsync_CursorOfAnotherOrderOrTruncated_IsRejected()
    {
        await using var provider = MemoryServices(new PoisonableEmbeddingGenerator(Dim));
        var memory = provider.GetRequiredService<IAgentMemory>();
        await AddTimedAsync(User(), 3);
        var cursor = (await memory.ListPageAsync(User(), new MemoryListOptions { Limit = 1 })).NextCursor!;

        var otherOrder = () => memory.ListPageAsync(User(), new MemoryListOptions { Cursor = cursor, Order = MemoryListOrder.UpdatedDescending });
        var truncated = () => memory.ListPageAsync(User(), new MemoryListOptions { Cursor = cursor[..^2] });
        var zeroLimit = () => memory.ListPageAsync(User(), new MemoryListOptions { Limit = 0 });

        await otherOrder.Should().ThrowAsync<ArgumentException>();
        await truncated.Should().ThrowAsync<ArgumentException>();
        await zeroLimit.Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await memory.ListPageAsync(User(), new MemoryListOptions { Cursor = cursor })).Items.Should().HaveCount(2);
    }

    /// <summary>Adds <paramref name="count"/> records one second apart, two per instant (so ties are broken by id).</summary>
    private async Task<List<MemoryRecord>> AddTimedAsync(MemoryScope scope, int count, string prefix = "memory")
    {
        var added = new List<MemoryRecord>();
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            added.Add(await AddAsync(scope, $"{prefix} {i} of {scope.UserId}"));
        }

        return added;
    }

    private static List<MemoryRecord> Sorted(IEnumerable<MemoryRecord> records, MemoryListOrder order)
    {
        Func<MemoryRecord, DateTimeOffset> key = order is MemoryListOrder.UpdatedAscending or MemoryListOrder.UpdatedDescending ? r => r.UpdatedAt : r => r.CreatedAt;
        var ascending = records.OrderBy(key).ThenBy(r => r.Id).ToList();
        if (order is MemoryListOrder.CreatedDescending or MemoryListOrder.UpdatedDescending)
        {
            ascending.Reverse();
        }

        return ascending;
    }

    private static async Task<List<MemoryPage>> ReadPagesAsync(IAgentMemory memory, MemoryScope scope, MemoryListOptions options)
    {
        var pages = new List<MemoryPage>();
        string? cursor = null;
        do
        {
            var page = await memory.ListPageAsync(scope, options with { Cursor = cursor });
            pages.Add(page);
            cursor = page.NextCursor;
            pages.Count.Should().BeLessThan(100, "paging must end");
        }
        while (cursor is not null);

        return pages;
    }
}
