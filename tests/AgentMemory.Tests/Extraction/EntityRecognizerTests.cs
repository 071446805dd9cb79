using AgentMemory.Extraction;

namespace AgentMemory.Tests.Extraction;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Find_NamesInASentence_ReturnsEachOnceWithItsType()
    {
        var found = EntityRecognizer.Find("My manager Aisha Khan moved from Deloitte to Lisbon, and Aisha Khan drives a Volvo XC40.");

        found.Should().Contain(("Aisha Khan", "person"));
        found.Should().Contain(("Lisbon", "place"));
        found.Should().Contain(e => e.Name == "Volvo XC40" && e.Type == "product");
        found.Count(e => e.Name == "Aisha Khan").Should().Be(1);
    }

    [Fact]
    public void Find_SentenceOpenersSpeakerLabelsAndCalendarWords_AreNotNames()
    {
        var found = EntityRecognizer.Find("User: Sadly the meeting moved to Friday. Update: it is in March now.");

        found.Should().BeEmpty();
    }

    [Fact]
    public void Find_OrganisationSuffixAndCamelCase_AreTyped()
    {
        var found = EntityRecognizer.Find("I dropped my iPhone on the way to Barclays Bank.");

        found.Should().Contain(("iPhone", "product"));
        found.Should().Contain(("Barclays Bank", "organization"));
    }

    [Fact]
    public void Find_ModelNumberAfterAName_StaysPartOfIt()
        => EntityRecognizer.Find("My laptop still runs Windows 11 and an old Office.").Should().Contain(("Windows 11", "product"));

    [Theory]
    [InlineData("Frankly I never liked the place.")]
    [InlineData("The move is planned for (December 2027) at the latest.")]
    [InlineData("We met on 4 May 1998, a Tuesday.")]
    public void Find_OpenerBeforeAPronounAndBareYears_AreNotNames(string text)
        => EntityRecognizer.Find(text).Should().BeEmpty();

    [Fact]
    public void Find_NoCapitalisedWords_ReturnsNothing()
        => EntityRecognizer.Find("i like long walks and quiet evenings").Should().BeEmpty();
}
