using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentMemory.Tests.Formation;

public sealed class BackgroundFormationTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    private static MemoryTestHost Background(Action<AgentMemoryOptions>? configure = null) => new(o =>
    {
        o.Formation.Mode = FormationMode.Background;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task RememberAsync_Background_QueuesAndFlushPumpsWithoutAWorker()
    {
        using var host = Background();

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);

        receipt.Queued.Should().BeTrue();
        receipt.Outcomes.Should().BeEmpty();
        (await host.ListAsync(Alice)).Should().BeEmpty();
        (await host.Outbox.GetStatsAsync()).Pending.Should().Be(1);

        await host.Memory.FlushAsync();

        (await host.ListAsync(Alice)).Select(r => r.Text).Should().Contain("The user is vegetarian.");
        (await host.Outbox.GetStatsAsync()).Pending.Should().Be(0);
    }

    [Fact]
    public async Task RememberAsync_Background_HostedWorkerFormsMemories()
    {
        using var host = Background();
        var worker = host.Provider.GetServices<IHostedService>().Single();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.Memory.FlushAsync(timeout.Token);

            (await host.ListAsync(Alice, MemoryKind.Semantic)).Should().ContainSingle().Which.Text.Should().Be("The user's sister lives in Lyon.");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task RememberAsync_PerRequestInlineMode_OverridesTheDefault()
    {
        using var host = Background();

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")], new RememberOptions { Mode = FormationMode.Inline });

        receipt.Queued.Should().BeFalse();
        (await host.ListAsync(Alice)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Jobs_OfOneScope_AreAppliedInOrder()
    {
        using var host = Background();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Berlin.")]);
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Oslo.")]);

        await host.Memory.FlushAsync();

        var fact = (await host.ListAsync(Alice, MemoryKind.Semantic)).Should().ContainSingle().Subject;
        fact.Text.Should().Be("The user's sister lives in Oslo.");
        (await host.Memory.GetHistoryAsync(Alice, fact.Id)).Select(h => h.Change).Should().Equal(
            MemoryChangeKind.Created, MemoryChangeKind.Superseded, MemoryChangeKind.Created, MemoryChangeKind.Superseded, MemoryChangeKind.Created);
    }
}
