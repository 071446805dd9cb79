using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSubstitute;

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
    public async Task WaitForFormationAsync_HostedWorker_WaitsForTheWorkerToFormTheJob()
    {
        using var host = Background();
        var worker = host.Provider.GetServices<IHostedService>().Single();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var result = await host.Memory.WaitForFormationAsync(receipt.JobId, timeout.Token);

            result.Should().Be(new FormationJobResult(receipt.JobId, FormationJobStatus.Completed));
            (await host.ListAsync(Alice, MemoryKind.Semantic)).Should().ContainSingle().Which.Text.Should().Be("The user's sister lives in Lyon.");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task WaitForFormationAsync_HostedWorkerParksTheJob_EndsWithFailed()
    {
        var extractor = Substitute.For<IExtractor>();
        extractor.ExtractAsync(default!, default).ReturnsForAnyArgs<Task<IReadOnlyList<MemoryCandidate>>>(_ => throw new ModelOutputException("The model returned malformed JSON."));
        using var host = new MemoryTestHost(
            o =>
            {
                o.Formation.Mode = FormationMode.Background;
                o.Formation.MaxAttempts = 1;
            },
            services: s => s.AddSingleton(extractor));
        var worker = host.Provider.GetServices<IHostedService>().Single();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var result = await host.Memory.WaitForFormationAsync(receipt.JobId, timeout.Token);

            result.Should().Be(new FormationJobResult(receipt.JobId, FormationJobStatus.Failed, 1, "ModelOutputException: The model returned malformed JSON."));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task WaitForFormationAsync_Cancelled_LeavesTheJobQueued()
    {
        using var host = Background();
        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        host.Provider.GetRequiredService<AgentMemory.Formation.FormationSignals>().WorkerStarted(); // a worker that never gets to it
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => host.Memory.WaitForFormationAsync(receipt.JobId, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await host.Outbox.GetJobAsync(receipt.JobId)).Should().NotBeNull();
    }

    [Fact]
    public async Task RememberAsync_Inline_ReceiptSaysModeAndMessages()
    {
        using var host = Background();

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")], new RememberOptions { Mode = FormationMode.Inline });
        var empty = await host.Memory.RememberAsync(Alice, []);

        receipt.Should().BeEquivalentTo(new { Queued = false, Mode = FormationMode.Inline, MessageCount = 1, QueuedAt = (DateTimeOffset?)null });
        receipt.Outcomes.Should().NotBeEmpty();
        empty.Should().BeEquivalentTo(new { Queued = false, Mode = FormationMode.Background, MessageCount = 0, QueuedAt = (DateTimeOffset?)null });
        (await host.Memory.WaitForFormationAsync(receipt.JobId)).Status.Should().Be(FormationJobStatus.Completed, "an inline job was never queued");
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
