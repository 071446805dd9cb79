using AgentMemory.Formation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Conformance;

/// <summary><see cref="IAgentMemory.FlushAsync"/> over this store: it ends even when a job keeps failing.</summary>
public abstract partial class MemoryStoreConformanceTests
{
    /// <summary>How long a flush may take before the test calls it hung (the flushes here take milliseconds).</summary>
    private static readonly TimeSpan FlushGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(PoisonMode.NaN)]
    [InlineData(PoisonMode.Throws)]
    public virtual async Task FlushAsync_JobFailingEveryAttempt_ReturnsWithJobParkedAndRetryFormsIt(PoisonMode poison)
    {
        var generator = new PoisonableEmbeddingGenerator(Dim) { Poison = poison };
        await using var provider = MemoryServices(generator, o => o.Formation.MaxAttempts = 3);
        var memory = provider.GetRequiredService<IAgentMemory>();
        var pump = provider.GetRequiredService<IFormationPump>();
        var alice = User("t1", "alice");
        var bob = User("t1", "bob");
        await memory.RememberAsync(alice, [new ChatMessage(ChatRole.User, "I'm vegetarian. My sister lives in Lyon.")]);
        generator.Poison = PoisonMode.None;
        await memory.RememberAsync(bob, [new ChatMessage(ChatRole.User, "I'm a pilot.")]);
        generator.Poison = poison;

        // Bob's job fails too while the generator is broken; both are parked, neither is waited on.
        await FlushGuardedAsync(memory);

        var stats = await Outbox.GetStatsAsync();
        stats.Should().Be(new FormationQueueStats(0, 0, null) { Failed = 2 });
        var failed = await pump.ListFailedAsync().ToListAsync();
        failed.Select(j => j.Scope).Should().Equal(alice, bob);
        failed.Should().AllSatisfy(j =>
        {
            j.Attempts.Should().Be(3);
            j.FailedAt.Should().Be(Time.GetUtcNow());
            j.LastError.Should().StartWith(poison == PoisonMode.NaN ? "InvalidMemoryException: The vector holds a non-finite value" : "InvalidOperationException: The embedding service is unavailable.");
        });
        generator.Calls.Should().Be(6, "each job is attempted MaxAttempts times, once per attempt, without waiting for its back-off");
        (await ListAllAsync(memory, alice)).Should().BeEmpty();

        generator.Poison = PoisonMode.None;
        (await pump.RetryFailedAsync(failed[0].Id)).Should().BeTrue();
        await FlushGuardedAsync(memory);

        (await ListAllAsync(memory, alice)).Should().NotBeEmpty();
        (await ListAllAsync(memory, bob)).Should().BeEmpty("its job is still parked");
        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null) { Failed = 1 });

        (await pump.RetryAllFailedAsync()).Should().Be(1);
        await FlushGuardedAsync(memory);
        (await ListAllAsync(memory, bob)).Should().NotBeEmpty();
        (await Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null));
    }

    /// <summary>A container over <see cref="Store"/> on the test clock, background formation, no hosted worker.</summary>
    protected ServiceProvider MemoryServices(IEmbeddingGenerator<string, Embedding<float>> generator, Action<AgentMemoryOptions>? configure = null, Action<IServiceCollection>? register = null)
    {
        var services = new ServiceCollection();
        register?.Invoke(services);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Store);
        services.AddSingleton(Outbox);
        services.AddSingleton(generator);
        services.AddAgentMemory(o =>
        {
            o.Formation.Mode = FormationMode.Background;
            o.Formation.RunHostedWorker = false;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Flushes on the thread pool under <see cref="FlushGuard"/>, so a flush that never ends fails the test, whether it
    /// waits or spins synchronously (an in-memory outbox completes every call synchronously).
    /// </summary>
    private static Task FlushGuardedAsync(IAgentMemory memory) => Task.Run(() => memory.FlushAsync()).WaitAsync(FlushGuard);

    private static async Task<List<MemoryRecord>> ListAllAsync(IAgentMemory memory, MemoryScope scope)
        => await memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }).ToListAsync();
}
