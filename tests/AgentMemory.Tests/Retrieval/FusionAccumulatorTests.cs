using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class FusionAccumulatorTests
{
    [Fact]
    public void Build_OneWordLexicalMatch_DoesNotOutrankStrongVectorMatch()
    {
        var oneWord = Record("Went for a run after work on Tuesday.");
        var paraphrase = Record("Home is a flat in Lisbon near the river.");
        var fusion = new FusionAccumulator(new RetrievalOptions { LexicalCoverageWeight = 1 }, hashingEmbeddings: false);

        fusion.Add(
            new MemorySearchResult(
                VectorMatches: [new(paraphrase, 0.75), new(oneWord, 0.20)],
                LexicalMatches: [new(oneWord, 5.0)]),
            "where do I live and work nowadays",
            1.0,
            null);

        var ranked = fusion.Build(vectorSearched: true).OrderByDescending(c => c.Relevance).ToList();
        ranked[0].Record.Should().Be(paraphrase);
    }

    [Fact]
    public void Build_FullLexicalMatch_StillWinsOverWeakVectorMatch()
    {
        var exact = Record("Vegetarian recipes for dinner parties.");
        var vague = Record("Cooking for guests is stressful.");
        var fusion = new FusionAccumulator(new RetrievalOptions { LexicalCoverageWeight = 1 }, hashingEmbeddings: false);

        fusion.Add(
            new MemorySearchResult(
                VectorMatches: [new(vague, 0.55), new(exact, 0.30)],
                LexicalMatches: [new(exact, 8.0)]),
            "vegetarian recipes for dinner",
            1.0,
            null);

        var ranked = fusion.Build(vectorSearched: true).OrderByDescending(c => c.Relevance).ToList();
        ranked[0].Record.Should().Be(exact);
        ranked[0].Relevance.Should().BeGreaterThan(ranked[1].Relevance);
    }

    [Fact]
    public void Build_CoverageWeightZero_ScoresBestLexicalMatchAsPerfect()
    {
        var oneWord = Record("Went for a run after work on Tuesday.");
        var fusion = new FusionAccumulator(new RetrievalOptions { LexicalCoverageWeight = 0 }, hashingEmbeddings: false);

        fusion.Add(new MemorySearchResult([], [new(oneWord, 5.0)]), "where do I live and work nowadays", 1.0, null);

        fusion.Build(vectorSearched: false).Single().Relevance.Should().BeApproximately(1.0, 1e-9);
    }

    [Theory]
    [InlineData("where do I live and work nowadays", 1.0 / 3)]
    [InlineData("work", 1.0)]
    [InlineData("live", 0.0)]
    public void Coverage_CountsQueryTermsTheMemoryContains(string query, double expected)
    {
        var record = Record("Went for a run after work on Tuesday.");
        var terms = new HashSet<string>(AgentMemory.Lexical.TextAnalyzer.Default.Analyze(query), StringComparer.Ordinal);

        FusionAccumulator.Coverage(record, terms).Should().BeApproximately(expected, 1e-9);
    }

    private static MemoryRecord Record(string text) => TestRecords.Record(text);
}
