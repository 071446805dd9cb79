namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public virtual async Task EnqueueAsync_SameId_IsIdempotent()
    {
        var job = Job(User(), "{\"n\":1}");

        await Outbox.EnqueueAsync(job);
        await Outbox.EnqueueAsync(job with { Payload = "{\"n\":2}" });

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 0, Start));
        var claimed = await Outbox.ClaimAsync("w1", 10, Lease);
        claimed.Should().ContainSingle().Which.Payload.Should().Be("{\"n\":1}");
    }

    [Fact]
    public virtual async Task ClaimAsync_ReturnsOldestFirst_OnePerScope()
    {
        var a1 = Job(User("t1", "a"));
        await Outbox.EnqueueAsync(a1);
        Time.Advance(TimeSpan.FromSeconds(1));
        var b1 = Job(User("t1", "b"));
        await Outbox.EnqueueAsync(b1);
        Time.Advance(TimeSpan.FromSeconds(1));
        var a2 = Job(User("t1", "a"));
        await Outbox.EnqueueAsync(a2);
        Time.Advance(TimeSpan.FromSeconds(1));
        var c1 = Job(User("t2", "c"));
        await Outbox.EnqueueAsync(c1);

        var first = await Outbox.ClaimAsync("w1", 2, Lease);
        first.Select(j => j.Id).Should().Equal(a1.Id, b1.Id);
        var second = await Outbox.ClaimAsync("w2", 10, Lease);
        second.Select(j => j.Id).Should().Equal(c1.Id);
        (await Outbox.ClaimAsync("w3", 10, Lease)).Should().BeEmpty("scope a already has a job in flight");
        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 3, Start));

        (await Outbox.CompleteAsync(a1.Id, "w1")).Should().BeTrue();
        (await Outbox.ClaimAsync("w3", 10, Lease)).Select(j => j.Id).Should().Equal(a2.Id);
    }

    [Fact]
    public virtual async Task ClaimAsync_AfterLeaseExpires_ClaimsAgain()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        (await Outbox.ClaimAsync("dead-worker", 1, Lease)).Should().ContainSingle();
        Time.Advance(TimeSpan.FromSeconds(30));
        (await Outbox.ClaimAsync("w2", 1, Lease)).Should().BeEmpty();

        Time.Advance(TimeSpan.FromSeconds(31));
        var reclaimed = await Outbox.ClaimAsync("w2", 1, Lease);

        reclaimed.Should().ContainSingle().Which.Id.Should().Be(job.Id);
        (await Outbox.CompleteAsync(job.Id, "dead-worker")).Should().BeFalse("the lease moved to another worker");
        (await Outbox.CompleteAsync(job.Id, "w2")).Should().BeTrue();
        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null));
    }

    [Fact]
    public virtual async Task ReleaseAsync_CountsAttemptAndWaitsUntilRetryAt()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, Lease);

        await Outbox.ReleaseAsync(job.Id, "w1", "model timeout", Start.AddMinutes(5));

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 0, Start));
        (await Outbox.ClaimAsync("w1", 1, Lease)).Should().BeEmpty();
        Time.Advance(TimeSpan.FromMinutes(5));
        var retried = await Outbox.ClaimAsync("w2", 1, Lease);
        var claimed = retried.Should().ContainSingle().Subject;
        claimed.Attempts.Should().Be(1);
        claimed.LastError.Should().Be("model timeout");
        claimed.NotBefore.Should().Be(Start.AddMinutes(5));
        claimed.Payload.Should().Be(job.Payload);
    }

    [Fact]
    public virtual async Task CompleteAsync_UnknownOrForeignJob_ReturnsFalse()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);

        (await Outbox.CompleteAsync(Guid.NewGuid(), "w1")).Should().BeFalse();
        (await Outbox.CompleteAsync(job.Id, "w1")).Should().BeFalse("the job is not claimed");
        await Outbox.ClaimAsync("w1", 1, Lease);
        (await Outbox.CompleteAsync(job.Id, "w2")).Should().BeFalse();
        (await Outbox.GetStatsAsync()).InFlight.Should().Be(1);
    }

    [Fact]
    public virtual async Task ReleaseAsync_ForeignWorker_ChangesNothing()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, Lease);

        await Outbox.ReleaseAsync(job.Id, "w2", "not mine", Start.AddMinutes(1));

        (await Outbox.GetStatsAsync()).InFlight.Should().Be(1);
        (await Outbox.CompleteAsync(job.Id, "w1")).Should().BeTrue();
    }
}
