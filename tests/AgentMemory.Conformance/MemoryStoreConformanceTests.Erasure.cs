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

        var erased = await AuditAsync(receipt.AuditScope, new HashSet<AuditAction> { AuditAction.Erased });
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
    public virtual async Task EraseAsync_User_AuditTrailNamesNoErasedIdentifier()
    {
        const string UserId = "erasure.probe.user.8841";
        const string SessionId = "erasure.probe.session.5127";
        var user = User("t1", UserId);
        var session = Session("t1", UserId, SessionId);
        var record = await AddAsync(user, "prefers window seats", 0);
        await Store.UpdateAsync(record with { Text = "prefers aisle seats" });
        var sessionRecord = await AddAsync(session, "booked a flight", 1);
        await Store.RecordAccessAsync(session, [sessionRecord.Id], "query-hash-of-erased-user");
        await Store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = session, Text = "blocked text", Provenance = MemoryProvenance.FromUser, Reason = "pii:email", At = Start });
        var other = await AddAsync(User("t1", "u2"), "keeps bees", 0);
        await Store.RecordAccessAsync(User("t1", "u2"), [other.Id], "query-hash-of-other-user");

        var receipt = await Store.EraseAsync(user);

        receipt.AuditScope.TenantId.Should().Be("t1");
        receipt.AuditScope.UserId.Should().NotBeNull().And.NotBe(UserId);
        var trail = await AuditAsync(MemoryScope.TenantShared("t1"), limit: 10_000);
        foreach (var entry in trail)
        {
            entry.Scope.Key.Should().NotContain(UserId).And.NotContain(SessionId);
            (entry.QueryHash ?? string.Empty).Should().NotBe("query-hash-of-erased-user");
        }

        var pseudonymous = await AuditAsync(receipt.AuditScope);
        pseudonymous.Select(e => e.Action).Should().Contain([AuditAction.Created, AuditAction.Updated, AuditAction.Retrieved, AuditAction.Erased], "the trail survives erasure under the pseudonym");
        pseudonymous.Should().OnlyContain(e => e.QueryHash == null);
        trail.Should().Contain(e => e.QueryHash == "query-hash-of-other-user", "other users' trail is untouched");
        (await AuditAsync(user)).Should().BeEmpty();

        if (CanInspectStorage)
        {
            (await StorageContainsTextAsync(UserId)).Should().BeFalse("the erased user's id must be gone from storage");
            (await StorageContainsTextAsync(SessionId)).Should().BeFalse("the erased session's id must be gone from storage");
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
