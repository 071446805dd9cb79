namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task EraseAsync_User_RemovesEverythingWithinAndNothingElse()
    {
        const string Secret = "zanzibar-secret-7731 lives at 12 harbour road";
        const string SessionSecret = "quokka-session-4410 booked flight";
        const string OtherText = "marmoset-other-9921 keeps bees";
        var userRecord = await Store.AddAsync(MemoryRecordFactory.Create(User(), Secret, MemoryRecordFactory.Axis(Dim, 0)));
        await Store.UpdateAsync(userRecord with { Text = Secret + " updated" });
        var sessionRecord = await Store.AddAsync(MemoryRecordFactory.Create(Session(), SessionSecret, MemoryRecordFactory.Axis(Dim, 1)) with { Context = "okapi-context-5523 asked where to fly" });
        var deleted = await AddAsync(User(), Secret + " deleted later");
        await Store.DeleteAsync(User(), deleted.Id);
        await Store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = Session(), Text = Secret + " quarantined", Provenance = MemoryProvenance.FromUser, Reason = "pii:address", At = Start });
        await Outbox.EnqueueAsync(Job(Session(), "{\"text\":\"" + Secret + " queued\"}"));
        await Outbox.EnqueueAsync(Job(User()));
        var other = await Store.AddAsync(MemoryRecordFactory.Create(User("t1", "u2"), OtherText, MemoryRecordFactory.Axis(Dim, 0)));
        var shared = await AddAsync(MemoryScope.TenantShared("t1"), "tenant shared policy");
        await Outbox.EnqueueAsync(Job(User("t1", "u2")));
        await Store.RecordAccessAsync(User(), [userRecord.Id], "hash-1");
        Time.Advance(TimeSpan.FromMinutes(5));

        var receipt = await Store.EraseAsync(User());

        receipt.Scope.Should().Be(User());
        receipt.Records.Should().Be(2);
        receipt.HistoryEntries.Should().Be(5, "created+updated, created, created+deleted");
        receipt.QuarantinedItems.Should().Be(1);
        receipt.PendingJobs.Should().Be(2);
        receipt.ErasedAt.Should().Be(Start.AddMinutes(5));
        (await Store.GetAsync(User(), userRecord.Id)).Should().BeNull();
        (await Store.GetAsync(Session(), sessionRecord.Id)).Should().BeNull();
        (await ListAsync(User(), ScopeMatch.Within, includeExpired: true)).Should().BeEmpty();
        (await Store.GetHistoryAsync(User(), userRecord.Id)).Should().BeEmpty();
        (await Store.GetHistoryAsync(User(), deleted.Id)).Should().BeEmpty();
        (await Store.GetHistoryAsync(Session(), sessionRecord.Id)).Should().BeEmpty();
        (await QuarantineAsync(User())).Should().BeEmpty();
        var search = await SearchAsync(Session(), axis: 0, text: "zanzibar quokka okapi");
        search.VectorMatches.Should().BeEmpty();
        search.LexicalMatches.Should().BeEmpty();

        (await Store.GetAsync(User("t1", "u2"), other.Id)).Should().NotBeNull();
        (await Store.GetAsync(User(), shared.Id)).Should().NotBeNull("tenant-shared memories are not within a user's scope");
        var stats = await Outbox.GetStatsAsync();
        stats.Pending.Should().Be(1);
        (await Outbox.ClaimAsync("w", 10, TimeSpan.FromMinutes(1))).Should().ContainSingle().Which.Scope.Should().Be(User("t1", "u2"));

        var erased = await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Erased });
        erased.Should().ContainSingle().Which.At.Should().Be(Start.AddMinutes(5));
        foreach (var entry in await AuditAsync(MemoryScope.TenantShared("t1")))
        {
            (entry.Detail ?? string.Empty).Should().NotContain("zanzibar").And.NotContain("quokka");
            (entry.QueryHash ?? string.Empty).Should().NotContain("zanzibar");
        }

        if (CanInspectStorage)
        {
            (await StorageContainsTextAsync("zanzibar-secret-7731")).Should().BeFalse("erased text must be gone from storage");
            (await StorageContainsTextAsync("quokka-session-4410")).Should().BeFalse("erased text must be gone from storage");
            (await StorageContainsTextAsync("okapi-context-5523")).Should().BeFalse("an erased memory's context must be gone from storage");
            (await StorageContainsTextAsync("marmoset-other-9921")).Should().BeTrue("the probe must find text that is still stored");
        }
    }

    [Fact]
    public virtual async Task EraseAsync_Session_LeavesUserAndOtherSessions()
    {
        var user = await AddAsync(User(), "user level");
        var s1 = await AddAsync(Session(session: "s1"), "session one");
        var s2 = await AddAsync(Session(session: "s2"), "session two");

        var receipt = await Store.EraseAsync(Session(session: "s1"));

        receipt.Records.Should().Be(1);
        (await Store.GetAsync(Session(session: "s1"), s1.Id)).Should().BeNull();
        (await Store.GetAsync(User(), user.Id)).Should().NotBeNull();
        (await Store.GetAsync(Session(session: "s2"), s2.Id)).Should().NotBeNull();
    }

    [Fact]
    public virtual async Task EraseAsync_Tenant_RemovesEveryUserOfTheTenantOnly()
    {
        await AddAsync(User("t1", "u1"), "a");
        await AddAsync(User("t1", "u2"), "b");
        await AddAsync(MemoryScope.TenantShared("t1"), "c");
        var kept = await AddAsync(User("t2", "u1"), "d");

        var receipt = await Store.EraseAsync(MemoryScope.TenantShared("t1"));

        receipt.Records.Should().Be(3);
        (await Store.CountAsync(MemoryScope.TenantShared("t1"), ScopeMatch.Within)).Should().Be(0);
        (await Store.GetAsync(User("t2", "u1"), kept.Id)).Should().NotBeNull();
    }

    [Fact]
    public virtual async Task EraseAsync_ThenAdd_StoresAgain()
    {
        await AddAsync(User(), "before erasure", 0);
        await Store.EraseAsync(User());

        var again = await AddAsync(User(), "after erasure", 0);

        (await Store.GetAsync(User(), again.Id)).Should().NotBeNull();
        (await SearchAsync(User(), axis: 0, text: "erasure")).VectorMatches.Should().ContainSingle();
    }
}
