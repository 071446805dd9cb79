using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentMemory.Tests.Formation;

public sealed class DeadLetterTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    [Fact]
    public async Task RunOnceAsync_JobFailsMaxAttemptsTimes_IsParkedAfterItsBackoffs()
    {
        var extractor = Substitute.For<IExtractor>();
        extractor.ExtractAsync(default!, default).ReturnsForAnyArgs<Task<IReadOnlyList<MemoryCandidate>>>(_ => throw new ModelOutputException("The model returned malformed JSON."));
        using var host = new MemoryTestHost(
            o =>
            {
                o.Formation.Mode = FormationMode.Background;
                o.Formation.MaxAttempts = 3;
                o.Formation.RetryBaseDelay = TimeSpan.FromSeconds(10);
            },
            services: s => s.AddSingleton(extractor));
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);

        (await host.Pump.RunOnceAsync()).Should().Be(1);
        (await host.Pump.RunOnceAsync()).Should().Be(0, "the hosted worker's path waits for the back-off");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        (await host.Pump.RunOnceAsync()).Should().Be(1);
        (await host.Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(1, 0, MemoryTestHost.Start));
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        (await host.Pump.RunOnceAsync()).Should().Be(1);

        (await host.Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null) { Failed = 1 });
        host.Clock.Advance(TimeSpan.FromDays(1));
        (await host.Pump.RunOnceAsync()).Should().Be(0, "a parked job is not retried on its own");
        var parked = (await host.Pump.ListFailedAsync().ToListAsync()).Should().ContainSingle().Subject;
        parked.Attempts.Should().Be(3);
        parked.LastError.Should().Be("ModelOutputException: The model returned malformed JSON.");
        await extractor.ReceivedWithAnyArgs(3).ExtractAsync(default!, default);
    }

    [Fact]
    public async Task DrainAsync_JobBackingOff_IsRetriedWithoutWaitingForItsRetryTime()
    {
        var calls = 0;
        var extractor = Substitute.For<IExtractor>();
        extractor.ExtractAsync(default!, default).ReturnsForAnyArgs(_ => ++calls < 2
            ? throw new ModelOutputException("The model returned malformed JSON.")
            : Task.FromResult<IReadOnlyList<MemoryCandidate>>([new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian." }]));
        using var host = new MemoryTestHost(
            o =>
            {
                o.Formation.Mode = FormationMode.Background;
                o.Formation.RetryBaseDelay = TimeSpan.FromMinutes(5);
            },
            services: s => s.AddSingleton(extractor));
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        (await host.Pump.RunOnceAsync()).Should().Be(1);

        await Task.Run(() => host.Pump.DrainAsync()).WaitAsync(TimeSpan.FromSeconds(30));

        calls.Should().Be(2);
        (await host.ListAsync(Alice)).Should().ContainSingle().Which.Text.Should().Be("The user is vegetarian.");
        (await host.Outbox.GetStatsAsync()).Should().Be(new FormationQueueStats(0, 0, null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void AddAgentMemory_MaxAttemptsOutOfRange_FailsValidation(int maxAttempts)
    {
        using var host = new MemoryTestHost(o => o.Formation.MaxAttempts = maxAttempts);

        var act = () => host.Provider.GetRequiredService<IOptionsMonitor<AgentMemoryOptions>>().CurrentValue;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxAttempts must be between 1 and 1000*");
    }
}
