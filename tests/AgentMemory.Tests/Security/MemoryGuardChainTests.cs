using AgentMemory.Security;
using AgentMemory.Tests.Security.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Tests.Security;

public sealed class MemoryGuardChainTests
{
    [Fact]
    public async Task RunAsync_RewriteThenBlock_BlockStopsChainAndCarriesRewrittenCandidate()
    {
        var third = new RecordingGuard(GuardVerdict.Allow);
        var chain = new MemoryGuardChain([
            new RecordingGuard(new GuardVerdict(GuardAction.Rewrite, Candidates.Of("rewritten"), "r1")),
            new RecordingGuard(new GuardVerdict(GuardAction.Block, null, "stop", 0.7)),
            third,
        ]);

        var result = await chain.RunAsync(Candidates.Of("original"), Candidates.Context());

        result.IsBlocked.Should().BeTrue();
        result.Reason.Should().Be("stop");
        result.Candidate.Text.Should().Be("rewritten");
        third.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_DefaultGuards_RedactsPersonalDataOfAUserPreference()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseDefaultGuards();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<MemoryGuardChain>().RunAsync(
            Candidates.Of("From now on always send the summary to my address sam@contoso.org."), Candidates.Context());

        result.Action.Should().Be(GuardAction.Allow);
        result.Candidate.Text.Should().Be("From now on always send the summary to my address [EMAIL].");
    }

    [Fact]
    public async Task UseSecurity_HashWithoutSalt_FailsValidation()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseSecurity(s => s.Pii.DefaultAction = PiiAction.Hash);
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<AgentMemoryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*HashSalt*");
    }

    [Fact]
    public async Task UseDefaultGuards_CalledTwice_RegistersEachGuardOnce()
    {
        var services = new ServiceCollection();
        new AgentMemoryBuilder(services).UseDefaultGuards().UseDefaultGuards();
        await using var provider = services.BuildServiceProvider();

        provider.GetServices<IMemoryGuard>().Should().HaveCount(3);
    }

    private sealed class RecordingGuard(GuardVerdict verdict) : IMemoryGuard
    {
        public List<string> Seen { get; } = [];

        public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
        {
            Seen.Add(candidate.Text);
            return ValueTask.FromResult(verdict);
        }
    }
}
