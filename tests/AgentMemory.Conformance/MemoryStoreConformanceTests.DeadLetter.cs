namespace AgentMemory.Conformance;

/// <summary>Jobs parked as failed (dead-lettered) after their last attempt, and their retry.</summary>
public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task ParkAsync_ClaimedJob_IsCountedFailedAndNeverClaimed()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromSeconds(5));

        await Outbox.ParkAsync(job.Id, "w1", "InvalidMemoryException: NaN");

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null) { Failed = 1 });
        (await Outbox.ClaimAsync("w2", 10, TimeSpan.FromMinutes(1), ignoreRetryTime: true)).Should().BeEmpty();
        Time.Advance(TimeSpan.FromDays(1));
        (await Outbox.ClaimAsync("w2", 10, TimeSpan.FromMinutes(1))).Should().BeEmpty();
        var failed = await Outbox.ListFailedAsync().ToListAsync();
        var parked = failed.Should().ContainSingle().Subject;
        parked.Id.Should().Be(job.Id);
        parked.Scope.Should().Be(job.Scope);
        parked.Payload.Should().Be(job.Payload);
        parked.Attempts.Should().Be(1);
        parked.LastError.Should().Be("InvalidMemoryException: NaN");
        parked.FailedAt.Should().Be(Start.AddSeconds(5));
    }

    [Fact]
    public virtual async Task ParkAsync_ForeignWorker_ChangesNothing()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));

        await Outbox.ParkAsync(job.Id, "w2", "not mine");

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 1, Start));
        (await Outbox.ListFailedAsync().ToListAsync()).Should().BeEmpty();
        (await Outbox.CompleteAsync(job.Id, "w1")).Should().BeTrue();
    }

    [Fact]
    public virtual async Task ClaimAsync_ParkedOldestJob_DoesNotHoldBackItsScope()
    {
        var first = Job(User());
        await Outbox.EnqueueAsync(first);
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = Job(User());
        await Outbox.EnqueueAsync(second);
        await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1));

        await Outbox.ParkAsync(first.Id, "w1", "poisoned");

        (await Outbox.ClaimAsync("w2", 10, TimeSpan.FromMinutes(1))).Select(j => j.Id).Should().Equal(second.Id);
        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 1, Start.AddSeconds(1)) { Failed = 1 });
    }

    [Fact]
    public virtual async Task RetryFailedAsync_ParkedJob_IsClaimableAtOnceWithAttemptsReset()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));
        await Outbox.ParkAsync(job.Id, "w1", "model down");

        (await Outbox.RetryFailedAsync(job.Id)).Should().BeTrue();
        (await Outbox.RetryFailedAsync(job.Id)).Should().BeFalse("it is no longer parked");
        (await Outbox.RetryFailedAsync(Guid.NewGuid())).Should().BeFalse();

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 0, Start));
        var claimed = (await Outbox.ClaimAsync("w2", 1, TimeSpan.FromMinutes(1))).Should().ContainSingle().Subject;
        claimed.Id.Should().Be(job.Id);
        claimed.Attempts.Should().Be(0);
        claimed.FailedAt.Should().BeNull();
        claimed.LastError.Should().Be("model down");
        (await Outbox.CompleteAsync(job.Id, "w2")).Should().BeTrue();
    }

    [Fact]
    public virtual async Task RetryFailedAsync_QueuedJob_ReturnsFalse()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);

        (await Outbox.RetryFailedAsync(job.Id)).Should().BeFalse();

        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 0, Start));
    }

    [Fact]
    public virtual async Task ClaimAsync_IgnoreRetryTime_ClaimsJobBackingOff()
    {
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1));
        await Outbox.ReleaseAsync(job.Id, "w1", "timeout", Start.AddHours(1));

        (await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1))).Should().BeEmpty();
        var claimed = await Outbox.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1), ignoreRetryTime: true);

        claimed.Should().ContainSingle().Which.Attempts.Should().Be(1);
    }

    [Fact]
    public virtual async Task EraseAsync_ParkedJob_IsRemoved()
    {
        var job = Job(User("t1", "u1"));
        var other = Job(User("t1", "u2"));
        await Outbox.EnqueueAsync(job);
        await Outbox.EnqueueAsync(other);
        await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1));
        await Outbox.ParkAsync(job.Id, "w1", "poisoned");
        await Outbox.ParkAsync(other.Id, "w1", "poisoned");

        await Store.EraseAsync(User("t1", "u1"));

        (await Outbox.ListFailedAsync().ToListAsync()).Select(j => j.Id).Should().Equal(other.Id);
        (await Outbox.GetStatsAsync()).Failed.Should().Be(1);
    }
}
