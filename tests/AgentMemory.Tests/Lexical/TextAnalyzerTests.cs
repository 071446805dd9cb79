using AgentMemory.Lexical;
using FluentAssertions;

namespace AgentMemory.Tests.Lexical;

public sealed class TextAnalyzerTests
{
    // Pairs from the Snowball English (Porter2) sample vocabulary and output.
    [Theory]
    [InlineData("consign", "consign")]
    [InlineData("consigned", "consign")]
    [InlineData("consigning", "consign")]
    [InlineData("consignment", "consign")]
    [InlineData("consistency", "consist")]
    [InlineData("consistently", "consist")]
    [InlineData("consolation", "consol")]
    [InlineData("consolatory", "consolatori")]
    [InlineData("consolidated", "consolid")]
    [InlineData("consolingly", "consol")]
    [InlineData("conspicuously", "conspicu")]
    [InlineData("conspiracy", "conspiraci")]
    [InlineData("conspirators", "conspir")]
    [InlineData("constables", "constabl")]
    [InlineData("constancy", "constanc")]
    [InlineData("running", "run")]
    [InlineData("hoped", "hope")]
    [InlineData("hopping", "hop")]
    [InlineData("ponies", "poni")]
    [InlineData("caresses", "caress")]
    [InlineData("skies", "sky")]
    [InlineData("generously", "generous")]
    [InlineData("painting", "paint")]
    [InlineData("paintings", "paint")]
    [InlineData("2022", "2022")]
    public void Stem_Porter2(string word, string stem) => TextAnalyzer.Stem(word).Should().Be(stem);

    [Fact]
    public void Analyze_DropsStopWordsAndPossessives()
        => TextAnalyzer.Default.Analyze("What is Caroline's favourite book about?").Should().Equal("carolin", "favourit", "book");

    [Fact]
    public void Analyze_KeepsNumbersAndFoldsDiacritics()
        => TextAnalyzer.Default.Analyze("Café visit in 2023").Should().Equal("cafe", "visit", "2023");

    [Fact]
    public void AnalyzeWithPhrases_PairsOnlyAdjacentTerms()
    {
        var (terms, phrases) = TextAnalyzer.Default.AnalyzeWithPhrases("The LGBTQ support group, then the park.");

        terms.Should().Equal("lgbtq", "support", "group", "park");
        phrases.Should().Equal("lgbtq support", "support group");
    }

    [Fact]
    public void Words_KeepsStopWordsUnstemmed() => TextAnalyzer.Words("Melanie's kids were running").Should().Equal("melanie", "kids", "were", "running");

    [Theory]
    [InlineData("when", true)]
    [InlineData("dont", true)]
    [InlineData("lilies", false)]
    public void IsStopWord_DefaultList(string word, bool expected) => TextAnalyzer.Default.IsStopWord(word).Should().Be(expected);

    [Fact]
    public void IsStopWord_CustomList_ReplacesTheDefault()
    {
        var analyzer = new TextAnalyzer(["lilies"]);

        analyzer.IsStopWord("lilies").Should().BeTrue();
        analyzer.IsStopWord("when").Should().BeFalse();
    }
}
