namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task SecondInstance_SeesWritesAndErasuresOfTheFirst()
    {
        if (!SupportsSecondInstance)
        {
            return;
        }

        var second = await SecondAsync();
        var written = await AddAsync(User(), "shared storage kiwi", 0);

        (await second.GetAsync(User(), written.Id)).Should().NotBeNull();
        (await SearchAsync(User(), axis: 0, text: "kiwi", store: second)).VectorMatches.Should().ContainSingle();
        (await second.GetAsync(User("t2", "u1"), written.Id)).Should().BeNull();

        await second.EraseAsync(User());

        (await Store.GetAsync(User(), written.Id)).Should().BeNull();
        (await SearchAsync(User(), axis: 0, text: "kiwi")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 0 && r.LexicalMatches.Count == 0);
    }

    [Fact]
    public virtual async Task SecondInstance_RespectsTheFirstInstancesLease()
    {
        if (!SupportsSecondInstance)
        {
            return;
        }

        var second = (IFormationOutbox)await SecondAsync();
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await second.EnqueueAsync(job);

        (await Outbox.ClaimAsync("w1", 5, TimeSpan.FromMinutes(1))).Should().ContainSingle();
        (await second.ClaimAsync("w2", 5, TimeSpan.FromMinutes(1))).Should().BeEmpty();
        Time.Advance(TimeSpan.FromMinutes(2));
        (await second.ClaimAsync("w2", 5, TimeSpan.FromMinutes(1))).Should().ContainSingle().Which.Id.Should().Be(job.Id);
    }

    [Fact]
    public virtual async Task SecondInstance_ConcurrentUpdates_KeepOptimisticVersioning()
    {
        if (!SupportsSecondInstance)
        {
            return;
        }

        var second = await SecondAsync();
        var created = await AddAsync(User(), "version one");
        await second.UpdateAsync(created with { Text = "version two" });

        var act = () => Store.UpdateAsync(created with { Text = "stale" });

        await act.Should().ThrowAsync<MemoryConcurrencyException>();
    }
}
