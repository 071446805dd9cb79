using FluentAssertions;

namespace AgentMemory.Tests.Retrieval;

public sealed class NewerWinsTiesTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RetrieveAsync_NewerStatementOfAChangeAboutTheSameThing_RanksFirst()
    {
        var f = new RetrieverFixture(Now);
        await f.AddAsync("User: I collect stamps from every country.", occurredAt: Now.AddDays(-60));
        var newer = await f.AddAsync("User: I sold the stamps, I collect vinyl records now.", occurredAt: Now.AddDays(-5));

        var hits = await f.RecallAsync("Which stamps do I collect?");

        hits[0].Record.Id.Should().Be(newer.Id);
        hits[0].Components.Select(c => c.Name).Should().Contain("newer");
    }

    [Fact]
    public async Task RetrieveAsync_NoChangeCueAndNoTie_KeepsRelevanceOrder()
    {
        var f = new RetrieverFixture(Now, o => o.ChangeTieMargin = 0);
        var older = await f.AddAsync("User: I collect stamps from every country.", occurredAt: Now.AddDays(-60));
        await f.AddAsync("User: I sold the stamps, I collect vinyl records now.", occurredAt: Now.AddDays(-5));

        var hits = await f.RecallAsync("Which stamps do I collect from every country?");

        hits[0].Record.Id.Should().Be(older.Id);
    }
}
