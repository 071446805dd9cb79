using AgentMemory.Formation;
using AgentMemory.Pipeline;
using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AgentMemory.Tests.Formation;

public sealed class CrashRecoveryTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    private static MemoryTestHost Background(FakeTimeProvider? clock = null, AgentMemory.Storage.InMemory.InMemoryMemoryStore? store = null)
        => new(o => o.Formation.Mode = FormationMode.Background, store, clock);

    [Fact]
    public async Task AbandonedClaim_IsReclaimedAfterTheLease_AndFormedExactlyOnce()
    {
        using var first = Background();
        await first.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian. My sister lives in Lyon.")]);
        var claimed = await first.Outbox.ClaimAsync("worker-that-dies", 10, TimeSpan.FromMinutes(2));
        claimed.Should().ContainSingle();

        // "Restart": a new container (facade, pump) over the same durable store.
        using var second = Background(first.Clock, first.Store);
        (await second.Pump.RunOnceAsync()).Should().Be(0, "the dead worker's lease has not expired yet");

        first.Clock.Advance(TimeSpan.FromMinutes(3));
        (await second.Pump.DrainAsync()).Should().Be(1);
        (await second.Pump.DrainAsync()).Should().Be(0);

        var memories = await second.ListAsync(Alice);
        memories.Should().HaveCount(3);
        memories.Select(m => m.Text).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task WorkerDiedAfterStoringBeforeCompleting_RetryDoesNotDuplicate()
    {
        using var first = Background();
        await first.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian. I prefer short answers.")]);
        var job = (await first.Outbox.ClaimAsync("worker-that-dies", 10, TimeSpan.FromMinutes(2))).Single();

        // The dying worker formed every memory but never completed the job.
        var (messages, time, metadata) = FormationPayload.Deserialize(job.Payload);
        await first.Provider.GetRequiredService<FormationPipeline>().FormAsync(new FormationWork(job.Id, job.Scope, messages, time, metadata), CancellationToken.None);
        var before = (await first.ListAsync(Alice)).Select(m => (m.Id, m.Version)).ToList();
        before.Should().HaveCount(3);

        using var second = Background(first.Clock, first.Store);
        first.Clock.Advance(TimeSpan.FromMinutes(3));
        (await second.Pump.DrainAsync()).Should().Be(1);

        (await second.ListAsync(Alice)).Select(m => (m.Id, m.Version)).Should().BeEquivalentTo(before);
        (await second.Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null));
    }

    [Fact]
    public async Task FailingJob_IsReleasedWithBackoff_AndRetriedUntilItSucceeds()
    {
        var calls = 0;
        var extractor = Substitute.For<IExtractor>();
        extractor.ExtractAsync(default!, default).ReturnsForAnyArgs(_ => ++calls < 3
            ? throw new ModelOutputException("The model returned malformed JSON.")
            : Task.FromResult<IReadOnlyList<MemoryCandidate>>([new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian." }]));
        using var host = new MemoryTestHost(
            o => { o.Formation.Mode = FormationMode.Background; o.Formation.RetryBaseDelay = TimeSpan.FromSeconds(10); },
            services: s => s.AddSingleton(extractor));
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);

        (await host.Pump.RunOnceAsync()).Should().Be(1);
        (await host.ListAsync(Alice)).Should().BeEmpty();
        (await host.Outbox.GetStatsAsync()).Pending.Should().Be(1, "a failed job is never dropped");
        (await host.Pump.RunOnceAsync()).Should().Be(0, "the retry waits for its backoff");

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        (await host.Pump.RunOnceAsync()).Should().Be(1); // second failure: next wait is 20 s
        host.Clock.Advance(TimeSpan.FromSeconds(15));
        (await host.Pump.RunOnceAsync()).Should().Be(0);
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        (await host.Pump.RunOnceAsync()).Should().Be(1);

        calls.Should().Be(3);
        (await host.ListAsync(Alice)).Should().ContainSingle().Which.Text.Should().Be("The user is vegetarian.");
    }

    [Fact]
    public async Task QueueFull_Reject_ThrowsAndLosesNothingQueued()
    {
        using var host = new MemoryTestHost(o =>
        {
            o.Formation.Mode = FormationMode.Background;
            o.Formation.QueueCapacity = 2;
            o.Formation.QueueFullTimeout = TimeSpan.Zero;
        });
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("one")]);
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("two")]);

        var act = () => host.Memory.RememberAsync(Alice, [MemoryTestHost.User("three")]);

        await act.Should().ThrowAsync<FormationQueueFullException>().WithMessage("*capacity 2*");
        (await host.Outbox.GetStatsAsync()).Pending.Should().Be(2);
    }

    [Fact]
    public async Task QueueFull_WaitWithoutWorker_CallerMakesRoom()
    {
        using var host = new MemoryTestHost(o =>
        {
            o.Formation.Mode = FormationMode.Background;
            o.Formation.QueueCapacity = 2;
        });

        for (var i = 0; i < 5; i++)
        {
            await host.Memory.RememberAsync(Alice, [MemoryTestHost.User($"message {i}")]);
            (await host.Outbox.GetStatsAsync()).Pending.Should().BeLessThanOrEqualTo(2);
        }

        await host.Memory.FlushAsync();
        (await host.ListAsync(Alice)).Should().HaveCount(5);
    }

    [Fact]
    public async Task ForgetAsync_RemovesQueuedJobsOfTheScopeOnly()
    {
        using var host = new MemoryTestHost(o => o.Formation.Mode = FormationMode.Background);
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        await host.Memory.RememberAsync(Alice.WithSession("s2"), [MemoryTestHost.User("My sister lives in Lyon.")]);
        await host.Memory.RememberAsync(MemoryTestHost.Bob, [MemoryTestHost.User("I'm a pilot.")]);

        var receipt = await host.Memory.ForgetAsync(Alice);
        await host.Memory.FlushAsync();

        receipt.PendingJobs.Should().Be(2);
        (await host.ListAsync(Alice)).Should().BeEmpty();
        (await host.ListAsync(MemoryTestHost.Bob)).Should().HaveCount(2);
    }
}
