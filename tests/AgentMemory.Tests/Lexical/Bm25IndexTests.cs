using AgentMemory.Lexical;
using FluentAssertions;

namespace AgentMemory.Tests.Lexical;

public sealed class Bm25IndexTests
{
    [Fact]
    public void Search_PhraseMatch_RanksAboveScatteredWords()
    {
        var index = new Bm25Index();
        var phrase = Guid.NewGuid();
        var scattered = Guid.NewGuid();
        index.Upsert(scattered, "The group gave me support at work.");
        index.Upsert(phrase, "The support group met at work.");

        var hits = index.Search("support group", 10);

        hits.Select(h => h.Id).Should().Equal(phrase, scattered);
    }

    [Fact]
    public void Search_StemmedForms_Match()
    {
        var index = new Bm25Index();
        var id = Guid.NewGuid();
        index.Upsert(id, "Melanie painted a sunrise.");

        index.Search("painting sunrises", 5).Should().ContainSingle().Which.Id.Should().Be(id);
    }

    [Fact]
    public void Remove_DropsDocumentAndPhrases()
    {
        var index = new Bm25Index();
        var id = Guid.NewGuid();
        index.Upsert(id, "support group");
        index.Remove(id).Should().BeTrue();

        index.Search("support group", 5).Should().BeEmpty();
        index.Count.Should().Be(0);
    }

    [Fact]
    public void Search_WithoutPhrases_ScoresWordsOnly()
    {
        var index = new Bm25Index(null, 1.2, 0.75, phraseWeight: 0);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        index.Upsert(a, "support group");
        index.Upsert(b, "group support");

        var hits = index.Search("support group", 5);
        hits[0].Score.Should().BeApproximately(hits[1].Score, 1e-12);
    }

    [Fact]
    public void Search_WordOnlyInContext_MatchesBelowADocumentThatSaysIt()
    {
        var index = new Bm25Index();
        var answer = Guid.NewGuid();
        var says = Guid.NewGuid();
        index.Upsert(answer, "They're called Peruvian lilies.", "What kind of flowers do you take care of?");
        index.Upsert(says, "Flowers brighten the balcony.");

        var hits = index.Search("flowers", 5);

        hits.Select(h => h.Id).Should().Equal(says, answer);
        hits[1].Score.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Search_ContextWord_CountsAtTheContextWeight()
    {
        var withContext = new Bm25Index(null, 1.2, 0.75, phraseWeight: 0);
        var inText = new Bm25Index(null, 1.2, 0.75, phraseWeight: 0);
        var id = Guid.NewGuid();
        withContext.Upsert(id, "lilies", "flowers");
        inText.Upsert(id, "lilies flowers");

        var fromContext = withContext.Search("flowers", 1)[0].Score;
        var fromText = inText.Search("flowers", 1)[0].Score;

        // One document: BM25's length normalisation is neutral, so the score is the saturated term frequency.
        var k1 = 1.2;
        var expectedRatio = (LexicalFields.ContextWeight * (k1 + 1) / (LexicalFields.ContextWeight + k1)) / ((k1 + 1) / (1 + k1));
        (fromContext / fromText).Should().BeApproximately(expectedRatio, 1e-9);
    }

    [Fact]
    public void Upsert_NewContext_ReplacesTheOld()
    {
        var index = new Bm25Index();
        var id = Guid.NewGuid();
        index.Upsert(id, "Booked the table.", "Which restaurant?");
        index.Upsert(id, "Booked the table.", "How many guests?");

        index.Search("restaurant", 5).Should().BeEmpty();
        index.Search("guests", 5).Should().ContainSingle();
        index.Remove(id);
        index.Search("guests", 5).Should().BeEmpty();
    }
}
