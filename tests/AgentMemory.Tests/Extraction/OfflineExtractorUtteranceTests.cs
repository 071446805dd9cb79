using AgentMemory.Extraction;
using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Extraction;

/// <summary>Questions, requests, greetings and commands are not memories; topics come from what a fact is about.</summary>
public sealed class OfflineExtractorUtteranceTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<MemoryCandidate>> ExtractAsync(params ChatMessage[] messages)
        => await new OfflineExtractor().ExtractAsync(new ExtractionRequest { Scope = MemoryTestHost.Alice, Messages = messages, ConversationTime = Time });

    [Theory]
    [InlineData("Where did I park the car?")]
    [InlineData("do you know any good podcasts")]
    [InlineData("How tall is the Eiffel Tower")]
    [InlineData("Is it going to rain tomorrow?")]
    [InlineData("Could you check the train times for me?")]
    [InlineData("Hey, which of these laptops is lighter?")]
    [InlineData("I'm vegetarian, remember?")]
    public async Task ExtractAsync_QuestionToTheAssistant_YieldsNothing(string said)
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, said));

        result.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Tell me a fun fact about octopuses.")]
    [InlineData("Please translate this paragraph into Italian")]
    [InlineData("Let's start over.")]
    [InlineData("Give us three name ideas for a bakery")]
    public async Task ExtractAsync_RequestToTheAssistant_YieldsNothing(string said)
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, said));

        result.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Thanks a lot!")]
    [InlineData("good morning")]
    [InlineData("ok cool")]
    [InlineData("Bye for now.")]
    [InlineData("quit")]
    [InlineData("/help")]
    [InlineData("Got it, thank you.")]
    public async Task ExtractAsync_GreetingAcknowledgementOrCommand_YieldsNothing(string said)
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, said), new ChatMessage(ChatRole.Assistant, "You're welcome!"));

        result.Should().BeEmpty();
    }

    [Fact]
    public async Task ExtractAsync_AssistantOffer_YieldsNothingButItsAnswerIsKept()
    {
        var result = await ExtractAsync(
            new ChatMessage(ChatRole.Assistant, "Would you like me to book a table?"),
            new ChatMessage(ChatRole.Assistant, "The restaurant opens at seven on Fridays."));

        result.Should().ContainSingle().Which.Text.Should().Be("Assistant: The restaurant opens at seven on Fridays.");
    }

    [Fact]
    public async Task ExtractAsync_StatementWithAQuestion_KeepsTheEpisodeAndTheFact()
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, "I'm allergic to peanuts. Can you suggest a snack for the flight?"));

        result.Select(c => c.Kind).Should().BeEquivalentTo([MemoryKind.Episodic, MemoryKind.Semantic]);
        result.Single(c => c.Kind == MemoryKind.Semantic).Text.Should().Be("The user is allergic to peanuts.");
    }

    [Fact]
    public async Task ExtractAsync_NamedSpeakersQuestion_IsALowImportanceEpisode()
    {
        var result = await ExtractAsync(
            new ChatMessage(ChatRole.User, "Hey Jon, how did the job interview go?") { AuthorName = "Gina" },
            new ChatMessage(ChatRole.User, "We adopted a rescue greyhound last spring.") { AuthorName = "Jon" });

        result.Should().HaveCount(2).And.OnlyContain(c => c.Kind == MemoryKind.Episodic);
        result[0].Importance.Should().BeLessThan(result[1].Importance);
    }

    [Theory]
    [InlineData("I'm allergic to penicillin", "health")]
    [InlineData("I'm lactose intolerant", "health")]
    [InlineData("I'm a pediatric nurse", "work")]
    [InlineData("I'm vegan", "food")]
    [InlineData("I study marine biology at Plymouth", "education")]
    [InlineData("My daughter plays the cello", "family")]
    [InlineData("I run half marathons", "sport")]
    [InlineData("I'm 34 years old", "identity")]
    public async Task ExtractAsync_Fact_GetsTheTopicOfWhatItIsAbout(string said, string topic)
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, said));

        result.Single(c => c.Kind == MemoryKind.Semantic).Topic.Should().Be(topic);
    }

    [Theory]
    [InlineData("From now on, reply in Spanish", "language")]
    [InlineData("Please always include a code example", "code-style")]
    public async Task ExtractAsync_Directive_GetsATopicTheRetrieverSurfaces(string said, string topic)
    {
        var result = await ExtractAsync(new ChatMessage(ChatRole.User, said));

        result.Single(c => c.Kind == MemoryKind.Procedural).Topic.Should().Be(topic);
    }

    [Fact]
    public async Task RecallAsync_AfterQuestionsSharingTheQueryWords_RanksTheFactFirst()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(MemoryTestHost.Alice, [MemoryTestHost.User("I work night shifts at the airport.")]);
        foreach (var question in new[] { "Where do I work these days?", "What hours do I work?", "Do I work on Sundays?" })
        {
            await host.Memory.RememberAsync(MemoryTestHost.Alice, [MemoryTestHost.User(question), new ChatMessage(ChatRole.Assistant, "Noted.")]);
        }

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = MemoryTestHost.Alice, Query = "Where do I work?" });

        hits.Should().NotBeEmpty();
        hits[0].Record.Text.Should().Be("The user works night shifts at the airport.");
        hits.Should().NotContain(h => h.Record.Text.Contains('?'));
    }
}
