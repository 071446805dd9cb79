using Microsoft.Extensions.AI;
using NSubstitute;

namespace AgentMemory.Extensions.AI.Tests.ChatClients;

public sealed class MemoryChatClientTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");
    private readonly IAgentMemory _memory = Substitute.For<IAgentMemory>();
    private readonly FakeChatClient _inner = new();

    public MemoryChatClientTests()
    {
        _memory.BuildContextAsync(Arg.Any<RecallRequest>(), Arg.Any<int?>(), Arg.Any<CancellationToken>())
            .Returns(new MemoryContext("<memories>Alice is vegetarian.</memories>", [], 8, 0));
        _memory.RememberAsync(Arg.Any<MemoryScope>(), Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<RememberOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new RememberReceipt(Guid.NewGuid(), true, []));
    }

    private IChatClient Build(IMemoryScopeAccessor? accessor = null)
        => new ChatClientBuilder(_inner).Use(inner => new MemoryChatClient(inner, _memory, accessor)).Build();

    private static ChatOptions WithScope(MemoryScope scope) => new() { AdditionalProperties = new() { [MemoryChatOptions.ScopePropertyName] = scope } };

    [Fact]
    public async Task GetResponseAsync_WithScope_InjectsRecalledMemoriesAfterHostSystemPrompt()
    {
        var client = Build();
        List<ChatMessage> messages = [new(ChatRole.System, "You are a chef."), new(ChatRole.User, "What should I cook tonight?")];

        await client.GetResponseAsync(messages, WithScope(Alice));

        var sent = _inner.Calls.Single();
        sent.Select(m => m.Role).Should().Equal(ChatRole.System, ChatRole.System, ChatRole.User);
        sent[0].Text.Should().Be("You are a chef.");
        sent[1].Text.Should().Contain("Alice is vegetarian.");
        messages.Should().HaveCount(2, "the caller's list is never modified");
        await _memory.Received(1).BuildContextAsync(
            Arg.Is<RecallRequest>(r => r.Scope == Alice && r.Query == "What should I cook tonight?"), Arg.Any<int?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetResponseAsync_AfterResponse_QueuesTheNewTurnAndTheReplyForFormation()
    {
        _inner.Reply("Try a mushroom risotto.");
        var client = Build();
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello!"),
            new(ChatRole.User, "I'm vegetarian. What should I cook?"),
        ];

        await client.GetResponseAsync(history, WithScope(Alice));

        await _memory.Received(1).RememberAsync(
            Alice,
            Arg.Is<IEnumerable<ChatMessage>>(m => m.Select(x => x.Text).SequenceEqual(new[] { "I'm vegetarian. What should I cook?", "Try a mushroom risotto." })),
            Arg.Any<RememberOptions?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InjectsMemoriesAndRemembersTheStreamedReply()
    {
        _inner.Reply("Lentil curry tonight");
        var client = Build();

        var text = string.Concat(await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Dinner idea?")], WithScope(Alice)).Select(u => u.Text).ToListAsync());

        text.Trim().Should().Be("Lentil curry tonight");
        _inner.Calls.Single()[0].Text.Should().Contain("Alice is vegetarian.");
        await _memory.Received(1).RememberAsync(
            Alice,
            Arg.Is<IEnumerable<ChatMessage>>(m => m.Last().Role == ChatRole.Assistant && m.Last().Text.Trim() == "Lentil curry tonight"),
            Arg.Any<RememberOptions?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetResponseAsync_NoScopeAnywhere_FailsClearlyAndCallsNothing()
    {
        var client = Build(new MemoryScopeAccessor());

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        await act.Should().ThrowAsync<MissingMemoryScopeException>().WithMessage("*agentmemory.scope*");
        _inner.Calls.Should().BeEmpty();
        await _memory.DidNotReceiveWithAnyArgs().RememberAsync(default!, default!);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_NoScope_FailsClearly()
    {
        var client = Build();

        var act = async () => await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi")]).ToListAsync();

        await act.Should().ThrowAsync<MissingMemoryScopeException>();
    }

    [Fact]
    public async Task GetResponseAsync_ScopeFromAccessor_IsUsedWhenTheCallCarriesNone()
    {
        var accessor = new MemoryScopeAccessor { Current = Alice };
        var client = Build(accessor);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        await _memory.Received(1).RememberAsync(Alice, Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<RememberOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetResponseAsync_ScopePropertyOfWrongType_IsRejected()
    {
        var client = Build(new MemoryScopeAccessor { Current = Alice });
        var options = new ChatOptions { AdditionalProperties = new() { [MemoryChatOptions.ScopePropertyName] = "acme/alice" } };

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], options);

        await act.Should().ThrowAsync<MissingMemoryScopeException>().WithMessage("*must hold a MemoryScope*");
    }

    [Fact]
    public async Task GetResponseAsync_NothingRecalled_SendsTheMessagesUnchanged()
    {
        _memory.BuildContextAsync(Arg.Any<RecallRequest>(), Arg.Any<int?>(), Arg.Any<CancellationToken>()).Returns(MemoryContext.Empty);
        var client = Build();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], WithScope(Alice));

        _inner.Calls.Single().Should().ContainSingle().Which.Role.Should().Be(ChatRole.User);
    }
}
