using AgentMemory.Enrichment;
using FluentAssertions;

namespace AgentMemory.Tests.Enrichment;

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

public sealed class RelativeDateResolverEdgeTests
{
    private static DateTimeOffset At(int y, int m, int d, int h = 12, double offsetHours = 0) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(offsetHours));

    [Theory]
    [InlineData(2026, 12, 2, "this weekend", "this weekend (5\u20136 December 2026)")] // Wednesday: the weekend ahead
    [InlineData(2026, 12, 5, "this weekend", "this weekend (5\u20136 December 2026)")] // Saturday: the one under way
    [InlineData(2026, 12, 6, "this weekend", "this weekend (5\u20136 December 2026)")] // Sunday
    [InlineData(2026, 12, 7, "this weekend", "this weekend (12\u201313 December 2026)")] // Monday: the coming one
    [InlineData(2026, 12, 2, "last weekend", "last weekend (28\u201329 November 2026)")]
    [InlineData(2026, 12, 6, "last weekend", "last weekend (28\u201329 November 2026)")]
    [InlineData(2026, 12, 2, "next weekend", "next weekend (12\u201313 December 2026)")]
    [InlineData(2026, 12, 31, "this weekend", "this weekend (2\u20133 January 2027)")] // across a year end
    [InlineData(2026, 2, 25, "this weekend", "this weekend (28 February 2026 to 1 March 2026)")] // a weekend across two months
    [InlineData(2026, 11, 29, "last weekend", "last weekend (21\u201322 November 2026)")]
    public void Annotate_Weekends_AroundWeekAndMonthBoundaries(int y, int m, int d, string text, string expected)
        => new RelativeDateResolver().Annotate(text, At(y, m, d)).Should().Be(expected);

    [Theory]
    [InlineData(2028, 2, 29, "yesterday", "yesterday (28 February 2028)")] // leap day
    [InlineData(2028, 2, 29, "tomorrow", "tomorrow (1 March 2028)")]
    [InlineData(2028, 3, 1, "yesterday", "yesterday (29 February 2028)")]
    [InlineData(2028, 2, 29, "a year ago", "a year ago (2027)")]
    [InlineData(2026, 3, 31, "a month ago", "a month ago (February 2026)")] // month end: no 31 February
    [InlineData(2026, 1, 1, "last month", "last month (December 2025)")]
    [InlineData(2026, 1, 1, "yesterday", "yesterday (31 December 2025)")]
    [InlineData(2026, 12, 31, "next month", "next month (January 2027)")]
    [InlineData(2026, 12, 31, "last week", "last week (week of 21 December 2026)")]
    public void Annotate_LeapDaysAndMonthEnds_ResolveToRealDates(int y, int m, int d, string text, string expected)
        => new RelativeDateResolver().Annotate(text, At(y, m, d)).Should().Be(expected);

    [Fact]
    public void Annotate_UsesTheConversationsOwnTimeZone()
    {
        var resolver = new RelativeDateResolver();

        // 23:30 on 2 December in California is already 3 December in UTC: "tomorrow" is still 3 December there.
        resolver.Annotate("tomorrow", new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.FromHours(-8))).Should().Be("tomorrow (3 December 2026)");

        // 01:00 on 3 December in Tokyo is still 2 December in UTC: "yesterday" is 2 December there.
        resolver.Annotate("yesterday", new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.FromHours(9))).Should().Be("yesterday (2 December 2026)");
    }
}
