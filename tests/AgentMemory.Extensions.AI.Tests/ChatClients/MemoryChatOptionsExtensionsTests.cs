using Microsoft.Extensions.AI;
using NSubstitute;

namespace AgentMemory.Extensions.AI.Tests.ChatClients;

public sealed class MemoryChatOptionsExtensionsTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");

    [Fact]
    public void WithMemoryScope_NewOptions_StoresTheScopeUnderTheDocumentedKey()
    {
        var options = new ChatOptions().WithMemoryScope(Alice);

        options.AdditionalProperties![MemoryChatOptions.ScopePropertyName].Should().BeSameAs(Alice);
    }

    [Fact]
    public void GetMemoryScope_SetThroughTheStringKey_ReturnsTheScope()
    {
        var options = new ChatOptions { AdditionalProperties = new() { ["agentmemory.scope"] = Alice } };

        options.GetMemoryScope().Should().Be(Alice);
    }

    [Fact]
    public void GetMemoryScope_NoScopeOrNoOptions_ReturnsNull()
    {
        new ChatOptions().GetMemoryScope().Should().BeNull();
        ((ChatOptions?)null).GetMemoryScope().Should().BeNull();
    }

    [Fact]
    public void GetMemoryScope_KeyHoldsAString_ThrowsMissingMemoryScope()
    {
        var options = new ChatOptions { AdditionalProperties = new() { [MemoryChatOptions.ScopePropertyName] = "acme/alice" } };

        var act = () => options.GetMemoryScope();

        act.Should().Throw<MissingMemoryScopeException>().WithMessage("*String*");
    }

    [Fact]
    public async Task GetResponseAsync_ScopeSetWithWithMemoryScope_RecallsAndRemembersInThatScope()
    {
        var memory = Substitute.For<IAgentMemory>();
        memory.BuildContextAsync(Arg.Any<RecallRequest>(), Arg.Any<int?>(), Arg.Any<CancellationToken>()).Returns(new MemoryContext("", [], 0, 0));
        memory.RememberAsync(Arg.Any<MemoryScope>(), Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<RememberOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new RememberReceipt(Guid.NewGuid(), true, []));
        using var client = new MemoryChatClient(new FakeChatClient(), memory);

        await client.GetResponseAsync("What should I cook tonight?", new ChatOptions().WithMemoryScope(Alice));

        await memory.Received(1).BuildContextAsync(Arg.Is<RecallRequest>(r => r.Scope == Alice), Arg.Any<int?>(), Arg.Any<CancellationToken>());
        await memory.Received(1).RememberAsync(Alice, Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<RememberOptions?>(), Arg.Any<CancellationToken>());
    }
}
