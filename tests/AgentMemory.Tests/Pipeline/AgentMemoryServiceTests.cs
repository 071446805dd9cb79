using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Pipeline;

public sealed class AgentMemoryServiceTests
{
    private static readonly MemoryScope Alice = MemoryTestHost.Alice;

    [Fact]
    public async Task RememberAsync_Inline_StoresEpisodesFactsAndDirectives()
    {
        using var host = new MemoryTestHost();

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian. My sister lives in Lyon. From now on, answer in bullet points.")]);

        receipt.Queued.Should().BeFalse();
        receipt.Outcomes.Should().HaveCount(4).And.OnlyContain(o => o.Kind == FormationOutcomeKind.Added);
        var all = await host.ListAsync(Alice);
        all.Select(r => r.Text).Should().Contain(["The user is vegetarian.", "The user's sister lives in Lyon.", "Standing instruction from the user: answer in bullet points."]);
        all.Should().OnlyContain(r => r.SchemaVersion == 1 && r.CreatedAt == MemoryTestHost.Start && r.Embedding.Length == 384);
    }

    [Fact]
    public async Task RecallAsync_AfterRemember_FindsTheFactAndAuditsTheQueryHash()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian and I love hiking in the Alps.")]);

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "Is the user vegetarian?" });

        hits.Should().NotBeEmpty();
        hits[0].Record.Text.Should().Contain("vegetarian");
        (await host.Memory.GetAsync(Alice, hits[0].Record.Id))!.AccessCount.Should().Be(1);
        var audit = await host.Store.QueryAuditAsync(new AuditQuery { Scope = Alice, Actions = new HashSet<AuditAction> { AuditAction.Retrieved } }).ToListAsync();
        audit.Should().ContainSingle().Which.QueryHash.Should().HaveLength(64).And.NotContain("vegetarian");
    }

    [Fact]
    public async Task RecallAsync_OtherUser_SeesNothing()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);

        var hits = await host.Memory.RecallAsync(new RecallRequest { Scope = MemoryTestHost.Bob, Query = "vegetarian" });

        hits.Should().BeEmpty();
    }

    [Fact]
    public async Task RememberAsync_SessionScope_StoresAtUserScopeUnlessKeepSessionScope()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice.WithSession("s1"), [MemoryTestHost.User("I'm vegetarian.")]);
        (await host.ListAsync(Alice)).Should().OnlyContain(r => r.Scope == Alice);

        using var keep = new MemoryTestHost(o => o.Formation.KeepSessionScope = true);
        await keep.Memory.RememberAsync(Alice.WithSession("s1"), [MemoryTestHost.User("I'm vegetarian.")]);
        (await keep.ListAsync(Alice)).Should().OnlyContain(r => r.Scope == Alice.WithSession("s1"));
    }

    [Fact]
    public async Task RememberAsync_SameFactTwice_StoresItOnce()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian!")]);

        receipt.Outcomes.Should().Contain(o => o.Kind == FormationOutcomeKind.Unchanged);
        (await host.ListAsync(Alice, MemoryKind.Semantic)).Should().ContainSingle();
        (await host.ListAsync(Alice, MemoryKind.Episodic)).Should().ContainSingle("the same turn again is a duplicate event");
    }

    [Fact]
    public async Task RememberAsync_ChangedFact_SupersedesWithHistory()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
        host.Clock.Advance(TimeSpan.FromDays(3));

        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Berlin now.")]);

        receipt.Outcomes.Should().Contain(o => o.Kind == FormationOutcomeKind.Superseded);
        var fact = (await host.ListAsync(Alice, MemoryKind.Semantic)).Should().ContainSingle().Subject;
        fact.Text.Should().Be("The user's sister lives in Berlin now.");
        fact.ValidFrom.Should().Be(MemoryTestHost.Start.AddDays(3));
        var history = await host.Memory.GetHistoryAsync(Alice, fact.Id);
        history.Select(h => h.Change).Should().Equal(MemoryChangeKind.Created, MemoryChangeKind.Superseded, MemoryChangeKind.Created);
        history[1].PreviousText.Should().Be("The user's sister lives in Lyon.");
        var old = await host.Memory.GetAsync(Alice, history[0].MemoryId);
        old!.ValidTo.Should().Be(MemoryTestHost.Start.AddDays(3));
        (await host.Memory.GetHistoryAsync(Alice, old.Id)).Should().Equal(history, "the timeline is the same from either version");
    }

    [Fact]
    public async Task RecallAsync_ChangedFact_ReturnsTheCurrentValueNowAndTheOldOneAsOfBefore()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Lyon.")]);
        host.Clock.Advance(TimeSpan.FromDays(30));
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("My sister lives in Berlin now.")]);
        host.Clock.Advance(TimeSpan.FromDays(30));

        var now = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "Where does my sister live?", Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { MemoryKind.Semantic } } });
        var then = await host.Memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "Where does my sister live?", Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { MemoryKind.Semantic } }, AsOf = MemoryTestHost.Start.AddDays(10) });

        now.Select(h => h.Record.Text).Should().Equal("The user's sister lives in Berlin now.");
        then.Select(h => h.Record.Text).Should().Equal("The user's sister lives in Lyon.");
    }

    [Fact]
    public async Task SaveAsync_InvalidCandidate_ThrowsAndStoresNothing()
    {
        using var host = new MemoryTestHost();

        var act = () => host.Memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "  " });
        var tooImportant = () => host.Memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "x y z", Importance = 3 });

        await act.Should().ThrowAsync<InvalidMemoryException>();
        await tooImportant.Should().ThrowAsync<InvalidMemoryException>();
        (await host.ListAsync(Alice)).Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_NewText_ReEmbedsAndChecksTheVersion()
    {
        using var host = new MemoryTestHost();
        var saved = (await host.Memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The user likes tea." })).Record!;

        var updated = await host.Memory.UpdateAsync(Alice, saved.Id, new MemoryUpdate { Text = "The user likes green tea.", ExpectedVersion = 1 });
        var stale = () => host.Memory.UpdateAsync(Alice, saved.Id, new MemoryUpdate { Importance = 0.9, ExpectedVersion = 1 });
        var missing = () => host.Memory.UpdateAsync(Alice, Guid.NewGuid(), new MemoryUpdate { Importance = 0.9 });
        var otherUser = () => host.Memory.UpdateAsync(MemoryTestHost.Bob, saved.Id, new MemoryUpdate { Importance = 0.9 });

        updated.Version.Should().Be(2);
        updated.Embedding.ToArray().Should().NotEqual(saved.Embedding.ToArray());
        await stale.Should().ThrowAsync<MemoryConcurrencyException>();
        await missing.Should().ThrowAsync<MemoryNotFoundException>();
        await otherUser.Should().ThrowAsync<MemoryNotFoundException>();
    }

    [Fact]
    public async Task BuildContextAsync_RendersRecalledMemoriesWithinTheBudget()
    {
        using var host = new MemoryTestHost();
        await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian. I prefer short answers.")]);

        var context = await host.Memory.BuildContextAsync(new RecallRequest { Scope = Alice, Query = "what food should I cook for the user, who is vegetarian" }, tokenBudget: 300);

        context.Text.Should().Contain("The user is vegetarian.").And.StartWith("<" + new AgentMemory.Context.MemoryContextRendererOptions().TagName);
        context.TokenCount.Should().BeLessThanOrEqualTo(300);
    }

    [Fact]
    public async Task DeleteAsync_AndForgetAsync_RemoveMemories()
    {
        using var host = new MemoryTestHost();
        var receipt = await host.Memory.RememberAsync(Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        await host.Memory.RememberAsync(MemoryTestHost.Bob, [MemoryTestHost.User("I'm a pilot.")]);

        (await host.Memory.DeleteAsync(Alice, receipt.Outcomes[0].Record!.Id)).Should().BeTrue();
        var erased = await host.Memory.ForgetAsync(Alice);

        erased.Records.Should().Be(1);
        (await host.ListAsync(Alice)).Should().BeEmpty();
        (await host.ListAsync(MemoryTestHost.Bob)).Should().HaveCount(2);
    }
}
