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
        var f = new RetrieverFixture(Now, o => { o.ChangeTieMargin = 0; o.StalePenalty = 1; });
        var older = await f.AddAsync("User: I collect stamps from every country.", occurredAt: Now.AddDays(-60));
        await f.AddAsync("User: I sold the stamps, I collect vinyl records now.", occurredAt: Now.AddDays(-5));

        var hits = await f.RecallAsync("Which stamps do I collect from every country?");

        hits[0].Record.Id.Should().Be(older.Id);
    }

    [Fact]
    public async Task RetrieveAsync_UserSaysTheThingChangedFarBelowATie_OlderIsOutOfDateAndNewerLeads()
    {
        var f = new RetrieverFixture(Now, o => { o.ChangeTieMargin = 0; o.NewerTieMargin = 0; o.SameThingSimilarity = 0.2; });
        var older = await f.AddAsync("User: I collect stamps from every country.", occurredAt: Now.AddDays(-60));
        var newer = await f.AddAsync("User: I sold the stamps, I collect vinyl records now.", occurredAt: Now.AddDays(-5));

        var hits = await f.RecallAsync("Which stamps do I collect from every country?");

        hits[0].Record.Id.Should().Be(newer.Id);
        hits.Single(h => h.Record.Id == older.Id).Components.Select(c => c.Name).Should().Contain("out-of-date");
    }

    [Fact]
    public async Task RetrieveAsync_NewerChangeSharingOnlyTheSpeakersName_LeavesTheOlderAlone()
    {
        var f = new RetrieverFixture(Now, o => { o.ChangeTieMargin = 0; o.NewerTieMargin = 0; o.SameThingSimilarity = 0; o.SameThingStrongSimilarity = 1; });
        var older = await f.AddAsync("Caroline: I went to the pottery workshop with my kids.", occurredAt: Now.AddDays(-60), speaker: "Caroline");
        await f.AddAsync("Caroline: I switched jobs, I teach maths now.", occurredAt: Now.AddDays(-5), speaker: "Caroline");

        var hits = await f.RecallAsync("What did Caroline do at the pottery workshop?");

        hits[0].Record.Id.Should().Be(older.Id);
        hits[0].Components.Select(c => c.Name).Should().NotContain("out-of-date");
    }

    [Fact]
    public async Task RetrieveAsync_AsksWhen_KeepsTheOlderEvent()
    {
        var f = new RetrieverFixture(Now, o => { o.ChangeTieMargin = 0; o.NewerTieMargin = 0; o.SameThingSimilarity = 0.2; });
        var older = await f.AddAsync("User: I collect stamps from every country.", occurredAt: Now.AddDays(-60));
        await f.AddAsync("User: I sold the stamps, I collect vinyl records now.", occurredAt: Now.AddDays(-5));

        var hits = await f.RecallAsync("When did I collect stamps from every country?");

        hits.Single(h => h.Record.Id == older.Id).Components.Select(c => c.Name).Should().NotContain("out-of-date");
    }
}
