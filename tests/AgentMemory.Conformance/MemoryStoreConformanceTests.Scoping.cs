namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task ListAsync_MatchModes_CoverVisibleWithinAndExact()
    {
        var shared = await AddAsync(MemoryScope.TenantShared("t1"), "company holiday is friday");
        var user = await AddAsync(User(), "user fact");
        var session = await AddAsync(Session(), "session fact");
        var otherSession = await AddAsync(Session(session: "s2"), "other session fact");

        (await ListAsync(Session(), ScopeMatch.Visible)).Select(r => r.Id).Should().BeEquivalentTo([shared.Id, user.Id, session.Id]);
        (await ListAsync(User(), ScopeMatch.Visible)).Select(r => r.Id).Should().BeEquivalentTo([shared.Id, user.Id]);
        (await ListAsync(User(), ScopeMatch.Within)).Select(r => r.Id).Should().BeEquivalentTo([user.Id, session.Id, otherSession.Id]);
        (await ListAsync(User(), ScopeMatch.Exact)).Select(r => r.Id).Should().BeEquivalentTo([user.Id]);
        (await Store.CountAsync(User(), ScopeMatch.Exact)).Should().Be(1);
        (await Store.CountAsync(User(), ScopeMatch.Within)).Should().Be(3);
        (await Store.CountAsync(Session(), ScopeMatch.Visible)).Should().Be(3);
        (await Store.CountAsync(MemoryScope.TenantShared("t1"), ScopeMatch.Within)).Should().Be(4);
    }

    [Fact]
    public virtual async Task OtherTenant_NeverSeesOrChangesMemories()
    {
        var mine = await AddAsync(User("t1", "u1"), "secret alpha", 1);
        var intruder = User("t2", "u1");
        await AssertInvisibleAsync(intruder, mine);
    }

    [Fact]
    public virtual async Task OtherUser_NeverSeesOrChangesMemories()
    {
        var mine = await AddAsync(User("t1", "u1"), "secret alpha", 1);
        await AssertInvisibleAsync(User("t1", "u2"), mine);
        await AssertInvisibleAsync(Session("t1", "u2", "s1"), mine);
    }

    [Fact]
    public virtual async Task OtherSession_NeverSeesSessionMemories_ButBothSeeUserMemories()
    {
        var sessionOnly = await AddAsync(Session(session: "s1"), "secret alpha", 1);
        var userLevel = await AddAsync(User(), "shared beta", 2);

        await AssertInvisibleAsync(Session(session: "s2"), sessionOnly);
        (await Store.GetAsync(Session(session: "s2"), userLevel.Id)).Should().NotBeNull();
        (await Store.GetAsync(Session(session: "s1"), userLevel.Id)).Should().NotBeNull();
        (await SearchAsync(Session(session: "s2"), text: "beta")).LexicalMatches.Should().ContainSingle();
    }

    [Fact]
    public virtual async Task UserScope_DoesNotSeeItsSessionsMemoriesWhenReading()
    {
        var sessionOnly = await AddAsync(Session(), "secret alpha", 1);

        (await Store.GetAsync(User(), sessionOnly.Id)).Should().BeNull();
        (await SearchAsync(User(), axis: 1, text: "alpha")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 0 && r.LexicalMatches.Count == 0);
    }

    [Fact]
    public virtual async Task AgentScope_IsIsolatedFromOtherAgents()
    {
        var a1 = new MemoryScope("t1", "u1", "agent-a");
        var a2 = new MemoryScope("t1", "u1", "agent-b");
        var mine = await AddAsync(a1, "secret alpha", 1);

        await AssertInvisibleAsync(a2, mine);
        (await Store.GetAsync(a1, mine.Id)).Should().NotBeNull();
    }

    /// <summary>Asserts <paramref name="reader"/> can neither read nor change <paramref name="record"/>, and that it is intact afterwards.</summary>
    protected async Task AssertInvisibleAsync(MemoryScope reader, MemoryRecord record)
    {
        reader.CanSee(record.Scope).Should().BeFalse("the test expects an invisible record");
        (await Store.GetAsync(reader, record.Id)).Should().BeNull();
        (await ListAsync(reader, ScopeMatch.Visible)).Should().NotContain(r => r.Id == record.Id);
        (await ListAsync(reader, ScopeMatch.Within)).Should().NotContain(r => r.Id == record.Id);
        (await ListAsync(reader, ScopeMatch.Exact)).Should().NotContain(r => r.Id == record.Id);
        var found = await Store.SearchAsync(new MemorySearchRequest { Scope = reader, Vector = record.Embedding, Text = record.Text, Limit = 100 });
        found.VectorMatches.Concat(found.LexicalMatches).Should().NotContain(h => h.Record.Id == record.Id);
        (await Store.GetHistoryAsync(reader, record.Id)).Should().BeEmpty();
        (await Store.CountAsync(reader, ScopeMatch.Visible)).Should().Be((await ListAsync(reader, ScopeMatch.Visible)).Count);
        (await Store.CountAsync(reader, ScopeMatch.Within)).Should().Be((await ListAsync(reader, ScopeMatch.Within)).Count);
        (await Store.DeleteAsync(reader, record.Id)).Should().BeFalse();
        var update = () => Store.UpdateAsync(record with { Scope = reader, Text = "overwritten" });
        await update.Should().ThrowAsync<AgentMemoryException>();
        await Store.RecordAccessAsync(reader, [record.Id], "h");
        var intact = await Store.GetAsync(record.Scope, record.Id);
        intact.Should().NotBeNull();
        intact!.Text.Should().Be(record.Text);
        intact.Version.Should().Be(record.Version);
        intact.AccessCount.Should().Be(record.AccessCount);
    }
}
