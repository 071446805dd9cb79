using AgentMemory;
using AgentMemory.Context;
using AgentMemory.Tokenizers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Tokenizers.Tests;

public sealed class TiktokenTokenCounterTests
{
    [Fact]
    public void CountTokens_KnownText_MatchesO200kBase()
    {
        var counter = new TiktokenTokenCounter();

        // o200k_base: "Hello" "," " world" "!" = 4 tokens.
        counter.CountTokens("Hello, world!").Should().Be(4);
        counter.CountTokens(string.Empty).Should().Be(0);
    }

    [Fact]
    public void CountTokens_EnglishProse_IsBelowTheCoreEstimate()
    {
        var text = "My sister lives in Lyon and I prefer short answers with bullet points, please.";
        var exact = new TiktokenTokenCounter().CountTokens(text);
        var estimate = new EstimatingTokenCounter().CountTokens(text);

        exact.Should().BeInRange(14, 20);
        estimate.Should().BeGreaterThanOrEqualTo(exact, "the core's fallback is a conservative over-estimate");
    }

    [Fact]
    public void UseTiktokenTokenCounter_ReplacesTheEstimate()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseTiktokenTokenCounter();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ITokenCounter>().Should().BeOfType<TiktokenTokenCounter>();
    }

    [Fact]
    public void WorkingMemory_WithTiktoken_TrimsToTheExactBudget()
    {
        var counter = new TiktokenTokenCounter();
        var memory = new WorkingMemory(counter, 40);
        memory.Add(new ChatMessage(ChatRole.System, "You are helpful."));
        for (var i = 0; i < 10; i++)
        {
            memory.Add(new ChatMessage(ChatRole.User, $"Message number {i} about the weather."));
        }

        memory.TokenCount.Should().BeLessThanOrEqualTo(40);
        memory.Messages[0].Role.Should().Be(ChatRole.System);
        memory.Messages[^1].Text.Should().Contain("number 9");
        memory.TokenCount.Should().Be(memory.Messages.Sum(memory.CountTokens));
    }
}
