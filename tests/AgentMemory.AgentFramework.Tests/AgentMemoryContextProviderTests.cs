using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using NSubstitute;

namespace AgentMemory.AgentFramework.Tests;

public sealed class AgentMemoryContextProviderTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");
    private readonly IAgentMemory _memory = Substitute.For<IAgentMemory>();
    private readonly FakeChatClient _model = new();

    public AgentMemoryContextProviderTests()
    {
        _memory.BuildContextAsync(Arg.Any<RecallRequest>(), Arg.Any<int?>(), Arg.Any<CancellationToken>())
            .Returns(new MemoryContext("<memories>Alice reads on her phone: no tables.</memories>", [], 10, 0));
        _memory.RememberAsync(Arg.Any<MemoryScope>(), Arg.Any<IEnumerable<ChatMessage>>(), Arg.Any<RememberOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new RememberReceipt(Guid.NewGuid(), true, []));
    }

    private ChatClientAgent CreateAgent(AgentMemoryContextProvider provider)
        => new(_model, new ChatClientAgentOptions { Name = "helper", AIContextProviders = [provider] });

    [Fact]
    public async Task RunAsync_InjectsRecalledMemoriesIntoTheModelCall()
    {
        var agent = CreateAgent(new AgentMemoryContextProvider(_memory, Alice));
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync("Compare these two phones for me.", session);

        // Instructions are transient (not replayed into the session's chat history): they reach the model as ChatOptions.Instructions.
        _model.Options.Single()!.Instructions.Should().Contain("no tables");
        _model.Calls.Single().Should().NotContain(m => m.Text.Contains("no tables"));
        await _memory.Received(1).BuildContextAsync(
            Arg.Is<RecallRequest>(r => r.Query == "Compare these two phones for me." && r.Scope.UserId == "alice" && r.Scope.TenantId == "acme"),
            Arg.Any<int?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_AfterTheRun_FormsMemoriesFromTheExchangeInTheSessionScope()
    {
        _model.Reply("Here is a short comparison.");
        var provider = new AgentMemoryContextProvider(_memory, Alice);
        var agent = CreateAgent(provider);
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync("Compare these two phones.", session);

        var expectedScope = provider.GetScope(session);
        expectedScope.UserId.Should().Be("alice");
        expectedScope.SessionId.Should().NotBeNullOrEmpty();
        await _memory.Received(1).RememberAsync(
            expectedScope,
            Arg.Is<IEnumerable<ChatMessage>>(m => m.Any(x => x.Role == ChatRole.User && x.Text == "Compare these two phones.") && m.Any(x => x.Role == ChatRole.Assistant && x.Text == "Here is a short comparison.")),
            Arg.Any<RememberOptions?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task GetScope_SameSession_IsStableAndDiffersBetweenSessions()
    {
        var provider = new AgentMemoryContextProvider(_memory, Alice);
        var agent = CreateAgent(provider);
        var first = await agent.CreateSessionAsync();
        var second = await agent.CreateSessionAsync();

        provider.GetScope(first).Should().Be(provider.GetScope(first));
        provider.GetScope(first).Should().NotBe(provider.GetScope(second));
    }

    [Fact]
    public async Task RunAsync_ScopePerSessionUser_KeepsUsersApart()
    {
        var provider = new AgentMemoryContextProvider(
            _memory,
            session => session?.StateBag.TryGetValue<string>("user", out var user) == true && user is not null ? MemoryScope.ForUser("acme", user) : throw new InvalidOperationException("no user"));
        var agent = CreateAgent(provider);
        var bobSession = await agent.CreateSessionAsync();
        bobSession.StateBag.SetValue("user", "bob");

        await agent.RunAsync("Hello", bobSession);

        await _memory.Received(1).BuildContextAsync(Arg.Is<RecallRequest>(r => r.Scope.UserId == "bob"), Arg.Any<int?>(), Arg.Any<CancellationToken>());
        await _memory.DidNotReceive().BuildContextAsync(Arg.Is<RecallRequest>(r => r.Scope.UserId == "alice"), Arg.Any<int?>(), Arg.Any<CancellationToken>());
    }
}
