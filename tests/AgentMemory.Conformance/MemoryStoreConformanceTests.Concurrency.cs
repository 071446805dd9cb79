using System.Collections.Concurrent;

namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    /// <summary>Parallel writers per concurrency test.</summary>
    protected virtual int ConcurrentWriters => 8;

    /// <summary>Writes per writer in the concurrency test.</summary>
    protected virtual int WritesPerWriter => 40;

    [Fact]
    public virtual async Task ParallelAddsAndSearches_LoseNoWrite()
    {
        var ids = new ConcurrentBag<Guid>();
        var scopes = new[] { User("t1", "u1"), User("t1", "u2"), Session("t1", "u1", "s1"), MemoryScope.TenantShared("t1") };
        var writers = Enumerable.Range(0, ConcurrentWriters).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesPerWriter; i++)
            {
                var scope = scopes[(w + i) % scopes.Length];
                var added = await Store.AddAsync(MemoryRecordFactory.Create(scope, $"writer {w} item {i} parallel", MemoryRecordFactory.Random(Dim, (w * 1000) + i)));
                ids.Add(added.Id);
                if (i % 4 == 0)
                {
                    var found = await Store.SearchAsync(new MemorySearchRequest { Scope = Session("t1", "u1", "s1"), Vector = MemoryRecordFactory.Random(Dim, i), Text = "parallel item", Limit = 10 });
                    found.VectorMatches.Concat(found.LexicalMatches).Should().NotContain(h => !Session("t1", "u1", "s1").CanSee(h.Record.Scope), "a search may come back empty early on, but never with another scope's memory");
                }
            }
        }));

        await Task.WhenAll(writers);

        var expected = ConcurrentWriters * WritesPerWriter;
        ids.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
        (await Store.CountAsync(MemoryScope.TenantShared("t1"), ScopeMatch.Within)).Should().Be(expected);
        foreach (var id in ids)
        {
            (await Store.GetAsync(Session("t1", "u1", "s1"), id) ?? await Store.GetAsync(User("t1", "u2"), id)).Should().NotBeNull();
        }
    }

    [Fact]
    public virtual async Task ParallelUpdatesOfOneVersion_ExactlyOneWins()
    {
        var created = await AddAsync(User(), "contended");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, ConcurrentWriters).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.UpdateAsync(created with { Text = $"writer {i}" });
                return true;
            }
            catch (MemoryConcurrencyException)
            {
                return false;
            }
        })));

        outcomes.Count(o => o).Should().Be(1);
        var stored = await Store.GetAsync(User(), created.Id);
        stored!.Version.Should().Be(2);
        (await Store.GetHistoryAsync(User(), created.Id)).Should().HaveCount(2);
    }

    [Fact]
    public virtual async Task ParallelClaims_NeverHandOutAJobTwice()
    {
        for (var i = 0; i < 20; i++)
        {
            await Outbox.EnqueueAsync(Job(User("t1", $"u{i % 10}")));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() => Outbox.ClaimAsync($"w{w}", 5, TimeSpan.FromMinutes(1)))));

        var all = claims.SelectMany(c => c).ToList();
        all.Select(j => j.Id).Should().OnlyHaveUniqueItems();
        all.Select(j => j.Scope).Should().OnlyHaveUniqueItems("a scope never has two jobs in flight");
        all.Should().HaveCount(10);
    }
}
