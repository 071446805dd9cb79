using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class FeedbackQueryTests
{
    [Fact]
    public void FeedbackQuery_AddsWordsTheBestMemoriesShareAndTheOtherCandidatesLack()
    {
        var best = new[]
        {
            Record("Nadia: I adopted a greyhound from the shelter last spring."),
            Record("Nadia: The greyhound sleeps on the sofa all day."),
            Record("Nadia: Walking the greyhound at dawn is my routine now."),
        };
        var rest = new[]
        {
            Record("Nadia: I started a pottery class on Thursdays."),
            Record("Nadia: My sister visited from Porto in March."),
            Record("Nadia: The sofa needs cleaning after the party."),
        };
        var result = new MemorySearchResult(
            VectorMatches: [.. best.Concat(rest).Select((r, i) => new ScoredMemory(r, 0.9 - (i * 0.1)))],
            LexicalMatches: [new(best[0], 3.0), new(best[1], 2.0)]);

        var query = HybridRetriever.FeedbackQuery(result, "which pet did I adopt?", new RetrievalOptions { FeedbackTerms = 4, FeedbackDocuments = 3 });

        query.Should().StartWith("which pet did I adopt? ");
        var added = query!["which pet did I adopt? ".Length..].Split(' ');
        added.Should().Contain("greyhound");
        added.Should().NotContain("Nadia", "every candidate names the speaker, so the name says nothing about the best ones");
        added.Should().NotContain("adopted", "the query already has the word");
        added.Length.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public void FeedbackQuery_AccentedWordEveryCandidateCarries_IsNotAdded()
    {
        var best = new[]
        {
            Record("Élodie: the greyhound naps after lunch."),
            Record("Élodie: my greyhound chases squirrels."),
        };
        var rest = new[] { Record("Élodie: pottery on Thursdays."), Record("Élodie: new sofa delivered."), Record("Élodie: sister visits in March.") };
        var result = new MemorySearchResult(
            VectorMatches: [.. best.Concat(rest).Select((r, i) => new ScoredMemory(r, 0.9 - (i * 0.1)))],
            LexicalMatches: []);

        var query = HybridRetriever.FeedbackQuery(result, "which pet?", new RetrievalOptions { FeedbackTerms = 4, FeedbackDocuments = 2 });

        query.Should().Be("which pet? greyhound", "the speaker's accented name is in every candidate, so it says nothing about the best ones");
    }

    [Fact]
    public void FeedbackQuery_FewerThanTwoBestMemories_IsNull()
    {
        var only = Record("The user keeps bees on the roof.");
        var result = new MemorySearchResult(VectorMatches: [new(only, 0.8)], LexicalMatches: [new(only, 2.0)]);

        HybridRetriever.FeedbackQuery(result, "hobbies", new RetrievalOptions { FeedbackTerms = 5 }).Should().BeNull();
    }

    [Fact]
    public void FeedbackQuery_NoSharedWord_IsNull()
    {
        var result = new MemorySearchResult(
            VectorMatches: [new(Record("Bees live on the roof."), 0.8), new(Record("Tuesday is chess night."), 0.7)],
            LexicalMatches: []);

        HybridRetriever.FeedbackQuery(result, "hobbies", new RetrievalOptions { FeedbackTerms = 5 }).Should().BeNull();
    }

    [Fact]
    public async Task RecallAsync_WithVectors_FindsAMemoryThatSharesWordsOnlyWithTheBestOnes()
    {
        var fixture = new RetrieverFixture();
        await fixture.AddAsync("Our allotment gets tomatoes and courgettes every summer.");
        await fixture.AddAsync("The allotment courgettes need watering twice a day.");
        var linked = await fixture.AddAsync("Courgettes glut again, gave a crate to the neighbours.");
        await fixture.AddAsync("Booked the dentist for next Tuesday morning.");

        var hits = await fixture.RecallAsync("what grows on the allotment?", topK: 4);

        var hit = hits.Should().ContainSingle(h => h.Record.Id == linked.Id).Subject;
        hit.Components.Select(c => c.Name).Should().Contain(n => n.StartsWith("feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecallAsync_WithoutVectors_RunsNoFeedbackSearch()
    {
        var fixture = new RetrieverFixture(embeddings: false);
        await fixture.AddAsync("Our allotment gets tomatoes and courgettes every summer.");
        await fixture.AddAsync("The allotment courgettes need watering twice a day.");
        await fixture.AddAsync("Courgettes glut again, gave a crate to the neighbours.");

        var hits = await fixture.RecallAsync("what grows on the allotment?", topK: 4);

        hits.SelectMany(h => h.Components).Should().NotContain(c => c.Name.StartsWith("feedback", StringComparison.Ordinal));
    }

    private static MemoryRecord Record(string text) => TestRecords.Record(text, MemoryKind.Episodic);
}
