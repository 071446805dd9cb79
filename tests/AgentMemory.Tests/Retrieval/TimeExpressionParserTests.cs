using AgentMemory.Retrieval;
using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class TimeExpressionParserTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero); // Saturday

    private static DateTimeOffset D(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("What did I eat yesterday?", 2024, 6, 14, 2024, 6, 15)]
    [InlineData("Where did I go last week?", 2024, 6, 3, 2024, 6, 10)]
    [InlineData("What happened this month?", 2024, 6, 1, 2024, 7, 1)]
    [InlineData("What did we do last month", 2024, 5, 1, 2024, 6, 1)]
    [InlineData("What did Melanie paint in 2022?", 2022, 1, 1, 2023, 1, 1)]
    [InlineData("What did we do in May?", 2024, 5, 1, 2024, 6, 1)]
    [InlineData("What did we do in August?", 2023, 8, 1, 2023, 9, 1)]
    [InlineData("What happened on 8 May 2023?", 2023, 5, 8, 2023, 5, 9)]
    [InlineData("What happened in May 2023?", 2023, 5, 1, 2023, 6, 1)]
    [InlineData("what did I say last year", 2023, 1, 1, 2024, 1, 1)]
    public void Parse_TimeWords_GiveWindow(string query, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var info = TimeExpressionParser.Parse(query, Now);

        info.Window.Should().NotBeNull();
        info.Window!.Value.Start.Should().Be(D(y1, m1, d1));
        info.Window!.Value.End.Should().Be(D(y2, m2, d2));
    }

    [Fact]
    public void Parse_DaysAgo_GivesWindowAroundThatDay()
    {
        var w = TimeExpressionParser.Parse("what did I cook 3 days ago", Now).Window!.Value;

        w.Contains(D(2024, 6, 12)).Should().BeTrue();
        w.Contains(D(2024, 6, 1)).Should().BeFalse();
    }

    [Theory]
    [InlineData("When did Caroline go to the support group?")]
    [InlineData("What year did Melanie start pottery?")]
    [InlineData("How long ago was the move?")]
    public void Parse_WhenQuestions_AskWhen(string query) => TimeExpressionParser.Parse(query, Now).AsksWhen.Should().BeTrue();

    [Theory]
    [InlineData("May I ask what you think?")]
    [InlineData("What is Caroline's favourite book?")]
    [InlineData("Tell me about the mayor")]
    public void Parse_NoTimeWords_IsEmpty(string query) => TimeExpressionParser.Parse(query, Now).IsEmpty.Should().BeTrue();

    [Fact]
    public void Parse_BeforeADate_OpensWindowBeforeIt()
    {
        var w = TimeExpressionParser.Parse("What did I buy before June 2024?", Now).Window!.Value;

        w.Start.Should().Be(DateTimeOffset.MinValue);
        w.End.Should().Be(D(2024, 6, 1));
    }

    [Fact]
    public void Parse_BeforeAnEvent_NamesTheAnchor()
    {
        var info = TimeExpressionParser.Parse("What did I pack before the trip?", Now);

        info.Window.Should().BeNull();
        info.RelativeTo.Should().Be("before");
        info.AnchorPhrase.Should().Be("the trip");
    }
}
