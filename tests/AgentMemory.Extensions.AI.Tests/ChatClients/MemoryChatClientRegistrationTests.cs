using AgentMemory.Security;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Extensions.AI.Tests.ChatClients;

public sealed class MemoryChatClientRegistrationTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");

    [Fact]
    public async Task AddChatClientUseAgentMemory_AsTheReadmeWiresIt_ResolvesAndRemembersAcrossTurns()
    {
        var inner = new FakeChatClient();
        var services = new ServiceCollection();
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore();
        services.AddChatClient(inner).UseAgentMemory();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var chat = provider.GetRequiredService<IChatClient>();
        var options = new ChatOptions { AdditionalProperties = new() { [MemoryChatOptions.ScopePropertyName] = Alice } };
        await chat.GetResponseAsync("I'm vegetarian and my sister lives in Lyon.", options);
        await chat.GetResponseAsync("Where does my sister live?", options);

        inner.Calls.Should().HaveCount(2);
        inner.Calls[1].Should().Contain(m => m.Role == ChatRole.System && m.Text.Contains("Lyon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelJudge_WithHostChatClientOnly_IsNotWiredToTheHostsClient()
    {
        var inner = new FakeChatClient();
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.Formation.Mode = FormationMode.Inline;
            o.Security.ModelJudge.Enabled = true;
            o.Security.Pii.FlagSpecialCategories = true;
        }).UseInMemoryStore();
        services.AddChatClient(inner).UseAgentMemory();
        await using var provider = services.BuildServiceProvider();

        var memory = provider.GetRequiredService<IAgentMemory>();
        await memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian." });

        inner.Calls.Should().BeEmpty("the judge uses only AgentMemory's keyed chat client, never the host's (which wraps memory itself)");
        provider.GetServices<IMemoryGuard>().OfType<ModelJudgeGuard>().Should().ContainSingle();
    }

    [Fact]
    public async Task ModelJudge_UnderUseChatClient_AsksThatClient()
    {
        var judge = new FakeChatClient().Reply("{\"instruction\":false,\"specialCategory\":false,\"confidence\":0.1}");
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
        {
            o.Formation.Mode = FormationMode.Inline;
            o.Security.ModelJudge.Enabled = true;
            o.Security.Pii.FlagSpecialCategories = true;
        }).UseInMemoryStore().UseChatClient(judge);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAgentMemory>().SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user is vegetarian." });

        judge.Calls.Should().ContainSingle().Which.Should().Contain(m => m.Text.Contains("vegetarian", StringComparison.Ordinal));
    }
}
