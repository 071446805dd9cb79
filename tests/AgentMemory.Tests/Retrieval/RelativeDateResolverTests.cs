using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class RelativeDateResolverTests
{
    private static readonly DateTimeOffset SessionDate = new(2023, 5, 8, 13, 56, 0, TimeSpan.Zero); // Monday

    [Theory]
    [InlineData("I went to a LGBTQ support group yesterday.", "I went to a LGBTQ support group yesterday (7 May 2023).")]
    [InlineData("We moved two weeks ago", "We moved two weeks ago (week of 24 April 2023)")]
    [InlineData("I ran a charity race last Saturday", "I ran a charity race last Saturday (6 May 2023)")]
    [InlineData("Started pottery last month", "Started pottery last month (April 2023)")]
    [InlineData("Painted that last year", "Painted that last year (2022)")]
    [InlineData("Nothing relative here.", "Nothing relative here.")]
    public void Annotate_RelativeDates_AddsAbsoluteDateFromConversationDate(string text, string expected)
        => new RelativeDateResolver().Annotate(text, SessionDate).Should().Be(expected);

    [Fact]
    public void Resolve_Yesterday_GivesPreviousDay()
    {
        var r = new RelativeDateResolver().Resolve("see you tomorrow, I was tired yesterday", SessionDate);

        r.Should().HaveCount(2);
        r[1].Window.Start.Should().Be(new DateTimeOffset(2023, 5, 7, 0, 0, 0, TimeSpan.Zero));
        r[0].Window.Start.Should().Be(new DateTimeOffset(2023, 5, 9, 0, 0, 0, TimeSpan.Zero));
    }
}
