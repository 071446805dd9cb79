using AgentMemory.Context;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests;

public sealed class WorkingMemoryTests
{
    /// <summary>One token per word, so budgets are easy to reason about.</summary>
    private sealed class WordCounter : ITokenCounter
    {
        public int CountTokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    [Fact]
    public void Add_OverBudget_DropsOldestTurnsAndKeepsSystemMessages()
    {
        var memory = new WorkingMemory(new WordCounter(), 30);
        memory.Add(new ChatMessage(ChatRole.System, "be nice")); // 4 + 2
        memory.Add(new ChatMessage(ChatRole.User, "one two three four five six")); // 4 + 6
        memory.Add(new ChatMessage(ChatRole.Assistant, "a b c d")); // 4 + 4
        var dropped = memory.Add(new ChatMessage(ChatRole.User, "x y z w")); // 4 + 4

        dropped.Should().ContainSingle().Which.Text.Should().Be("one two three four five six");
        memory.Messages.Select(m => m.Text).Should().Equal("be nice", "a b c d", "x y z w");
        memory.TokenCount.Should().Be(22);
    }

    [Fact]
    public void Add_SingleHugeMessage_IsKept()
    {
        var memory = new WorkingMemory(new WordCounter(), 5);
        memory.Add(new ChatMessage(ChatRole.User, "short"));
        var dropped = memory.Add(new ChatMessage(ChatRole.User, string.Join(' ', Enumerable.Repeat("w", 50))));

        dropped.Should().ContainSingle();
        memory.Messages.Should().ContainSingle();
        memory.TokenCount.Should().Be(54);
    }

    [Fact]
    public void AddRange_TrimsOnceAndClearEmpties()
    {
        var memory = new WorkingMemory(new EstimatingTokenCounter(), 50);
        var dropped = memory.AddRange(Enumerable.Range(0, 20).Select(i => new ChatMessage(ChatRole.User, $"message {i}")));

        memory.TokenCount.Should().BeLessThanOrEqualTo(50);
        dropped.Count.Should().Be(20 - memory.Messages.Count);
        memory.Messages[^1].Text.Should().Be("message 19");
        memory.Clear();
        memory.Messages.Should().BeEmpty();
        memory.TokenCount.Should().Be(0);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        FluentActions.Invoking(() => new WorkingMemory(new WordCounter(), 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new WorkingMemory(null!, 10)).Should().Throw<ArgumentNullException>();
    }
}
