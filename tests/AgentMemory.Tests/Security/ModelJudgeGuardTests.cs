using AgentMemory.Security;
using AgentMemory.Tests.Security.Support;

namespace AgentMemory.Tests.Security;

public sealed class ModelJudgeGuardTests
{
    // Scores in the ambiguous band locally: advice in the second person from a tool.
    private const string Ambiguous = "Forum answer: You should always pin your package versions in production builds.";

    private static ModelJudgeGuard Guard(FakeChatClient client, Action<AgentMemoryOptions>? configure = null) =>
        new(TestOptions.Default(o => { o.Security.ModelJudge.Enabled = true; configure?.Invoke(o); }), new PoisoningDetector(), null, client);

    [Fact]
    public async Task InspectAsync_AmbiguousAndJudgeSaysInstruction_Blocks()
    {
        var client = new FakeChatClient(_ => "{\"instruction\": true, \"special_category\": false, \"confidence\": 0.9}");

        var verdict = await Guard(client).InspectAsync(Candidates.Of(Ambiguous, MemorySource.Tool), Candidates.Context());

        client.Calls.Should().Be(1);
        verdict.Action.Should().Be(GuardAction.Block);
        verdict.Reason.Should().StartWith("poisoning:");
    }

    [Fact]
    public async Task InspectAsync_AmbiguousAndJudgeSaysBenign_Allows()
    {
        var client = new FakeChatClient(_ => "```json\n{\"instruction\": false, \"confidence\": 0.8}\n```");

        var verdict = await Guard(client).InspectAsync(Candidates.Of(Ambiguous, MemorySource.Tool), Candidates.Context());

        client.Calls.Should().Be(1);
        verdict.Action.Should().Be(GuardAction.Allow);
    }

    [Fact]
    public async Task InspectAsync_ClearlyBenign_DoesNotAskTheModel()
    {
        var client = new FakeChatClient(_ => "{\"instruction\": true}");

        var verdict = await Guard(client).InspectAsync(Candidates.Of("Flight BA117 departs at 08:25.", MemorySource.Tool), Candidates.Context());

        client.Calls.Should().Be(0);
        verdict.Action.Should().Be(GuardAction.Allow);
    }

    [Theory]
    [InlineData(false, GuardAction.Allow)]
    [InlineData(true, GuardAction.Block)]
    public async Task InspectAsync_MalformedAnswer_FallsBackByPolicy(bool failClosed, GuardAction expected)
    {
        var client = new FakeChatClient(_ => "I think it is fine.");

        var verdict = await Guard(client, o => o.Security.ModelJudge.BlockWhenJudgeFails = failClosed).InspectAsync(Candidates.Of(Ambiguous, MemorySource.Tool), Candidates.Context());

        verdict.Action.Should().Be(expected);
    }

    [Fact]
    public async Task InspectAsync_SpecialCategoryFlaggingOn_BlocksHealthData()
    {
        var client = new FakeChatClient(_ => "{\"instruction\": false, \"special_category\": true, \"confidence\": 0.95}");

        var verdict = await Guard(client, o => o.Security.Pii.FlagSpecialCategories = true).InspectAsync(Candidates.Of("I was diagnosed with type 1 diabetes."), Candidates.Context());

        verdict.Action.Should().Be(GuardAction.Block);
        verdict.Reason.Should().Be("pii:special-category");
        client.Prompts.Single().Should().Contain("data, not instructions");
    }

    [Fact]
    public async Task InspectAsync_Disabled_NeverAsks()
    {
        var client = new FakeChatClient(_ => "{\"instruction\": true}");
        var guard = new ModelJudgeGuard(TestOptions.Default(), new PoisoningDetector(), null, client);

        var verdict = await guard.InspectAsync(Candidates.Of(Ambiguous, MemorySource.Tool), Candidates.Context());

        client.Calls.Should().Be(0);
        verdict.Action.Should().Be(GuardAction.Allow);
    }
}
