using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Retrieval;

/// <summary>Recall of an answer whose own words never meet the question's: the turn it replied to carries them.</summary>
public sealed class ConversationContextRecallTests
{
    [Fact]
    public async Task RecallAsync_AnswerSharingNoWordsWithTheQuestion_IsFoundThroughTheTurnItAnswered()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(MemoryTestHost.Alice,
        [
            Turn("Caroline", "Your garden looks lovely! What kind of flowers do you take care of?"),
            Turn("Melanie", "They're called Peruvian lilies, so bright and delicate."),
            Turn("Caroline", "I went to the pottery class on Tuesday."),
            Turn("Melanie", "Pottery sounds fun, did you make a bowl?"),
            Turn("Caroline", "Yes, a blue one for my grandma."),
        ]);

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = MemoryTestHost.Alice, Query = "What flowers does Melanie take care of?", TopK = 2 });

        hits.Select(h => h.Record.Text).Should().Contain("Melanie: They're called Peruvian lilies, so bright and delicate.");
        hits.Should().NotContain(h => h.Record.Text.Contains("pottery", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RecallAsync_ContextIsNeverRenderedIntoThePrompt()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(MemoryTestHost.Alice,
        [
            Turn("Caroline", "What kind of flowers do you take care of?"),
            Turn("Melanie", "They're called Peruvian lilies."),
        ]);

        var context = await host.Memory.BuildContextAsync(new RecallRequest { Scope = MemoryTestHost.Alice, Query = "Which flowers?" });

        context.Text.Should().Contain("Peruvian lilies");
        context.Text.Split("What kind of flowers").Length.Should().Be(2, "the question turn appears once, as its own memory, never again as another's context");
    }

    private static ChatMessage Turn(string speaker, string text) => new(ChatRole.User, text) { AuthorName = speaker };
}
