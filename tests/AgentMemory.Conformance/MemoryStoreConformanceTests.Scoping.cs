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

    [Fact]
    public virtual async Task DashIds_AreNotUnsetParts()
    {
        // "-" is how a key once wrote an unset part: a user, agent or session called "-" collided with the tenant's shared scope.
        var dashUser = MemoryScope.ForUser("t1", "-");
        var dashAgent = new MemoryScope("t1", null, "-");
        var dashSession = User().WithSession("-");
        var shared = await AddAsync(MemoryScope.TenantShared("t1"), "tenant policy gamma", 2);
        var pin = await AddAsync(dashUser, "my bank pin hint is purple elephant", 1);
        var agentNote = await AddAsync(dashAgent, "agent note delta", 3);
        var sessionNote = await AddAsync(dashSession, "session note epsilon", 4);

        foreach (var reader in new[] { User("t1", "bob"), Session("t1", "bob", "s1"), new MemoryScope("t1", "bob", "x"), MemoryScope.ForAgent("t1", "x") })
        {
            await AssertInvisibleAsync(reader, pin);
        }

        await AssertInvisibleAsync(User("t1", "bob"), agentNote);
        await AssertInvisibleAsync(Session(session: "s2"), sessionNote);
        (await Store.GetAsync(dashUser, pin.Id))!.Scope.Should().Be(dashUser);
        (await Store.GetAsync(dashUser, shared.Id)).Should().NotBeNull("a user still sees the tenant's shared memories");
        (await ListAsync(MemoryScope.TenantShared("t1"), ScopeMatch.Exact)).Select(r => r.Id).Should().Equal(shared.Id);

        var receipt = await Store.EraseAsync(dashUser);

        receipt.Records.Should().Be(1);
        (await Store.GetAsync(MemoryScope.TenantShared("t1"), shared.Id)).Should().NotBeNull("erasing user \"-\" must not erase the tenant's shared memories");
        (await Store.GetAsync(dashAgent, agentNote.Id)).Should().NotBeNull();
        (await Store.GetAsync(dashSession, sessionNote.Id)).Should().NotBeNull();
    }

    [Fact]
    public virtual async Task EscapedLookalikeIds_AreDistinctScopes()
    {
        string[] ids = ["a/b", "a%2Fb", "a%2fb", "%2D", "\uFFFD", "\u00E9", "e\u0301", "U", "u"];
        var records = new List<MemoryRecord>();
        foreach (var id in ids)
        {
            records.Add(await AddAsync(User("t1", id), "note of " + id, records.Count % Dim));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            (await ListAsync(User("t1", ids[i]), ScopeMatch.Within)).Select(r => r.Id).Should().Equal([records[i].Id], $"user {ids[i]} sees exactly its own memory");
            for (var j = 0; j < ids.Length; j++)
            {
                if (i != j)
                {
                    (await Store.GetAsync(User("t1", ids[j]), records[i].Id)).Should().BeNull($"user {ids[j]} must not read user {ids[i]}'s memory");
                }
            }
        }
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
