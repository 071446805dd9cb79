using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Tests.Pipeline;

public sealed class LifecycleTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    private static MemoryCandidate Fact(string text, double importance = 0.5) => new() { Kind = MemoryKind.Semantic, Text = text, Importance = importance };

    [Fact]
    public async Task SaveAsync_OverBudget_EvictsTheLowestRetentionScore()
    {
        using var host = new MemoryTestHost(o => o.Formation.MemoryBudget = 3);
        var old = (await host.Memory.SaveAsync(Alice, Fact("Old trivia about the user's first bicycle.", 0.2))).Record!;
        host.Clock.Advance(TimeSpan.FromDays(60));
        var important = (await host.Memory.SaveAsync(Alice, Fact("The user is allergic to peanuts.", 1.0))).Record!;
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Memory.SaveAsync(Alice, Fact("The user owns a red kayak.", 0.5));
        host.Clock.Advance(TimeSpan.FromDays(1));

        var newest = await host.Memory.SaveAsync(Alice, Fact("The user plays the cello on weekends.", 0.5));

        newest.Kind.Should().Be(FormationOutcomeKind.Added);
        var left = await host.ListAsync(Alice);
        left.Should().HaveCount(3);
        left.Select(r => r.Id).Should().NotContain(old.Id).And.Contain(important.Id).And.Contain(newest.Record!.Id);
        (await host.Memory.GetHistoryAsync(Alice, old.Id)).Select(h => h.Change).Should().EndWith(MemoryChangeKind.Evicted);
    }

    [Fact]
    public async Task SaveAsync_TenantBudgetOverride_Applies()
    {
        using var host = new MemoryTestHost(o => o.Formation.TenantMemoryBudgets["acme"] = 1);
        await host.Memory.SaveAsync(Alice, Fact("The user owns a red kayak."));
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Memory.SaveAsync(Alice, Fact("The user plays the cello."));

        (await host.ListAsync(Alice)).Should().ContainSingle().Which.Text.Should().Be("The user plays the cello.");
    }

    [Fact]
    public async Task RetentionScore_FrequentlyAccessedMemory_SurvivesEviction()
    {
        using var host = new MemoryTestHost(o => o.Formation.MemoryBudget = 2);
        var used = (await host.Memory.SaveAsync(Alice, Fact("The user drives a blue van.", 0.3))).Record!;
        var unused = (await host.Memory.SaveAsync(Alice, Fact("The user once visited Oslo.", 0.3))).Record!;
        for (var i = 0; i < 8; i++)
        {
            await host.Store.RecordAccessAsync(Alice, [used.Id], "h");
        }

        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Memory.SaveAsync(Alice, Fact("The user speaks Portuguese.", 0.3));

        (await host.ListAsync(Alice)).Select(r => r.Id).Should().Contain(used.Id).And.NotContain(unused.Id);
    }

    [Fact]
    public async Task DefaultTimeToLive_ExpiresAndTheSweeperRemoves()
    {
        using var host = new MemoryTestHost(o => o.Formation.DefaultTimeToLive[MemoryKind.Episodic] = TimeSpan.FromDays(1));
        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        var episode = receipt.Outcomes.Select(o => o.Record!).Single(r => r.Kind == MemoryKind.Episodic);
        episode.ExpiresAt.Should().Be(MemoryTestHost.Start.AddDays(1));
        receipt.Outcomes.Select(o => o.Record!).Single(r => r.Kind == MemoryKind.Semantic).ExpiresAt.Should().BeNull();

        host.Clock.Advance(TimeSpan.FromDays(2));

        (await host.Memory.GetAsync(Alice, episode.Id)).Should().BeNull("an expired memory is never returned");
        (await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "vegetarian" })).Should().NotContain(h => h.Record.Id == episode.Id);
        (await host.Pump.SweepExpiredAsync()).Should().Be(1);
        (await host.Memory.GetHistoryAsync(Alice, episode.Id)).Select(h => h.Change).Should().EndWith(MemoryChangeKind.Expired);
    }

    [Fact]
    public async Task ExportAsync_WritesMemoriesWithHistoryAsJson()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Berlin.")]);
        await host.Memory.RememberAsync(MemoryTestHost.Bob, [MemoryTestHost.User("I'm a pilot.")]);
        using var stream = new MemoryStream();

        await host.Memory.ExportAsync(Alice, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        root.GetProperty("scope").GetString().Should().Be(Alice.Key);
        root.GetProperty("userId").GetString().Should().Be("alice");
        var memories = root.GetProperty("memories").EnumerateArray().ToList();
        memories.Should().HaveCount(4, "a superseded fact is the user's data too");
        root.GetProperty("count").GetInt32().Should().Be(4);
        memories.Should().NotContain(m => m.GetProperty("text").GetString()!.Contains("pilot"));
        var facts = memories.Where(m => m.GetProperty("kind").GetString() == "Semantic").ToList();
        var fact = facts.Single(m => m.GetProperty("validTo").ValueKind == JsonValueKind.Null);
        fact.GetProperty("text").GetString().Should().Be("The user's sister lives in Berlin.");
        var old = facts.Single(m => m.GetProperty("validTo").ValueKind == JsonValueKind.String);
        old.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()).Should().Equal("Created", "Superseded");
        fact.GetProperty("provenance").GetProperty("source").GetString().Should().Be("User");
        fact.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        fact.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()).Should().Equal("Created");
        old.GetProperty("history").EnumerateArray().Last().GetProperty("previousText").GetString().Should().Contain("Lyon");
        fact.TryGetProperty("embedding", out _).Should().BeFalse();
        var audit = await host.Store.QueryAuditAsync(new AuditQuery { Scope = Alice, Actions = new HashSet<AuditAction> { AuditAction.Exported } }).ToListAsync();
        audit.Should().ContainSingle().Which.Count.Should().Be(4);
    }

    [Fact]
    public async Task ReprocessAsync_OldSchemaRecords_AreUpdatedToTheCurrentVersion()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        host.Provider.GetRequiredService<IOptionsMonitor<AgentMemoryOptions>>().CurrentValue.Formation.SchemaVersion = 2;
        await host.Memory.SaveAsync(Alice, Fact("The user plays the cello."));

        var count = await host.Pump.ReprocessAsync(Alice, r => r.Kind == MemoryKind.Semantic);

        count.Should().Be(1);
        var all = await host.ListAsync(Alice);
        all.Single(r => r.Text == "The user is vegetarian.").Should().Match<MemoryRecord>(r => r.SchemaVersion == 2 && r.Version == 2);
        all.Single(r => r.Kind == MemoryKind.Episodic).SchemaVersion.Should().Be(1, "the predicate excluded it");
        (await host.Pump.ReprocessAsync(Alice)).Should().Be(1);
    }

    [Fact]
    public async Task RememberAsync_ChangeOfAFact_ClosesTheFactAndTheEpisodeItWasFormedFrom()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My licence plate is AB12 CDE.")]);
        host.Clock.Advance(TimeSpan.FromDays(30));

        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("Oops, I gave you the wrong plate: it is AB12 CDF.")]);

        var current = await host.ListAsync(Alice);
        current.Should().NotContain(r => r.Text.Contains("CDE"), "both the fact and the episode it came from state the old plate");
        current.Should().Contain(r => r.Text.Contains("CDF"));
        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "licence plate", AsOf = MemoryTestHost.Start.AddDays(1) });
        hits.Should().Contain(h => h.Record.Text.Contains("CDE"), "the old value stays in its time");
    }

    [Fact]
    public async Task RememberAsync_ChangeOfAFact_LeavesOtherStatementsOfTheSameTurnOpen()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My licence plate is AB12 CDE."), MemoryTestHost.User("I collect vintage stamps.")]);
        host.Clock.Advance(TimeSpan.FromDays(30));

        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("Oops, I gave you the wrong plate: it is AB12 CDF.")]);

        (await host.ListAsync(Alice)).Should().Contain(r => r.Text.Contains("stamps"));
    }

    [Fact]
    public async Task ListAsync_FilterWithEntity_ReturnsTheMemoriesThatNameIt()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister Maria lives in Lisbon.")]);
        await host.Memory.SaveAsync(Alice, Fact("The user's dentist is in Porto."));
        await host.Memory.SaveAsync(MemoryTestHost.Bob, Fact("Bob visited Lisbon in May."));

        var listed = new List<MemoryRecord>();
        await foreach (var r in host.Memory.ListAsync(Alice, new MemoryListOptions { Filter = MemoryFilter.None.WithEntity(" lisbon ") }))
        {
            listed.Add(r);
        }

        listed.Should().NotBeEmpty().And.OnlyContain(r => r.Text.Contains("Lisbon") && r.Scope == Alice);
        listed.Should().Contain(r => r.Kind == MemoryKind.Semantic && r.Metadata["entity:maria"] == "person");
    }

    [Fact]
    public async Task RecallAsync_QueryNamingAnEntity_BoostsTheMemoriesThatMentionIt()
    {
        using var host = new MemoryTestHost(o => o.Retrieval.EntityBoost = 1.1);
        var tom = await host.Memory.SaveAsync(Alice, Fact("Tom leads the platform team."));
        await host.Memory.SaveAsync(Alice, Fact("The platform team ships on Fridays."));

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "who does tom lead on the platform team" });

        var hit = hits.Should().Contain(h => h.Record.Id == tom.Record!.Id).Subject;
        hit.Components.Should().Contain(c => c.Name == "entity");
    }

    [Fact]
    public void WithEntity_BlankName_Throws()
        => FluentActions.Invoking(() => MemoryFilter.None.WithEntity(" ")).Should().Throw<ArgumentException>();
}
