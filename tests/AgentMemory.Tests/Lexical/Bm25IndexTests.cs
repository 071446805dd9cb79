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
}
