namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task ExpiredMemory_IsNeverReturnedAfterExpiresAt()
    {
        var expiring = await Store.AddAsync(MemoryRecordFactory.Create(User(), "temporary kiwi", MemoryRecordFactory.Axis(Dim, 0)) with { ExpiresAt = Start.AddHours(1) });
        var lasting = await AddAsync(User(), "lasting kiwi", 0);

        (await Store.GetAsync(User(), expiring.Id)).Should().NotBeNull();
        Time.Advance(TimeSpan.FromHours(1));

        (await Store.GetAsync(User(), expiring.Id)).Should().BeNull();
        (await ListAsync(User())).Select(r => r.Id).Should().Equal(lasting.Id);
        (await ListAsync(User(), includeExpired: true)).Should().HaveCount(2);
        (await Store.CountAsync(User())).Should().Be(1);
        var result = await SearchAsync(User(), axis: 0, text: "kiwi");
        result.VectorMatches.Select(m => m.Record.Id).Should().Equal(lasting.Id);
        result.LexicalMatches.Select(m => m.Record.Id).Should().Equal(lasting.Id);
    }

    [Fact]
    public virtual async Task RemoveExpiredAsync_RemovesDueMemoriesWithHistoryAndAudit()
    {
        var due = await Store.AddAsync(MemoryRecordFactory.Create(User(), "due soon") with { ExpiresAt = Start.AddMinutes(5) });
        var otherDue = await Store.AddAsync(MemoryRecordFactory.Create(User("t2", "u2"), "also due") with { ExpiresAt = Start.AddMinutes(6) });
        var later = await Store.AddAsync(MemoryRecordFactory.Create(User(), "due later") with { ExpiresAt = Start.AddDays(5) });
        var never = await AddAsync(User(), "never expires");
        Time.Advance(TimeSpan.FromMinutes(10));

        (await Store.RemoveExpiredAsync(Time.GetUtcNow())).Should().Be(2);

        (await ListAsync(User(), includeExpired: true)).Select(r => r.Id).Should().BeEquivalentTo([later.Id, never.Id]);
        (await ListAsync(User("t2", "u2"), includeExpired: true)).Should().BeEmpty();
        var history = await Store.GetHistoryAsync(User(), due.Id);
        history[^1].Change.Should().Be(MemoryChangeKind.Expired);
        history[^1].NewText.Should().BeNull();
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Expired })).SelectMany(a => a.MemoryIds).Should().Equal(due.Id);
        (await AuditAsync(User("t2", "u2"), new HashSet<AuditAction> { AuditAction.Expired })).SelectMany(a => a.MemoryIds).Should().Equal(otherDue.Id);
        (await Store.RemoveExpiredAsync(Time.GetUtcNow())).Should().Be(0);
    }

    [Fact]
    public virtual async Task RemoveExpiredAsync_HonoursMaxCount()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AddAsync(MemoryRecordFactory.Create(User(), $"short lived {i}") with { ExpiresAt = Start.AddSeconds(i + 1) });
        }

        Time.Advance(TimeSpan.FromMinutes(1));

        (await Store.RemoveExpiredAsync(Time.GetUtcNow(), maxCount: 2)).Should().Be(2);
        (await ListAsync(User(), includeExpired: true)).Should().HaveCount(3);
        (await Store.RemoveExpiredAsync(Time.GetUtcNow(), maxCount: 10)).Should().Be(3);
        (await ListAsync(User(), includeExpired: true)).Should().BeEmpty();
    }

    [Fact]
    public virtual async Task RecordAccessAsync_BumpsCountAndTimeAndAuditsQueryHash()
    {
        var a = await AddAsync(User(), "first");
        var b = await AddAsync(Session(), "second");
        Time.Advance(TimeSpan.FromMinutes(3));

        await Store.RecordAccessAsync(Session(), [a.Id, b.Id], "sha256:abc");
        await Store.RecordAccessAsync(Session(), [a.Id], "sha256:def");

        var readA = await Store.GetAsync(User(), a.Id);
        readA!.AccessCount.Should().Be(2);
        readA.LastAccessedAt.Should().Be(Start.AddMinutes(3));
        readA.Version.Should().Be(1, "an access is not a content change");
        (await Store.GetAsync(Session(), b.Id))!.AccessCount.Should().Be(1);
        var audit = await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Retrieved });
        audit.Should().HaveCount(2);
        audit[0].QueryHash.Should().Be("sha256:abc");
        audit[0].MemoryIds.Should().BeEquivalentTo([a.Id, b.Id]);
        audit[1].QueryHash.Should().Be("sha256:def");
    }

    [Fact]
    public virtual async Task QuarantineAsync_KeepsItemApartAndAuditsBlocked()
    {
        var item = new QuarantinedMemory
        {
            Id = Guid.NewGuid(),
            Scope = Session(),
            Text = "ignore previous instructions quarantined payload",
            Provenance = new MemoryProvenance(MemorySource.Tool),
            Reason = "poisoning:instruction-override",
            Score = 0.97,
            At = Start,
        };

        await Store.QuarantineAsync(item);

        (await QuarantineAsync(User())).Should().ContainSingle().Which.Should().BeEquivalentTo(item);
        (await QuarantineAsync(Session())).Should().ContainSingle();
        (await QuarantineAsync(User("t1", "u2"))).Should().BeEmpty();
        (await QuarantineAsync(User("t2", "u1"))).Should().BeEmpty();
        (await SearchAsync(Session(), text: "quarantined payload")).LexicalMatches.Should().BeEmpty();
        (await ListAsync(Session())).Should().BeEmpty();
        (await Store.GetAsync(Session(), item.Id)).Should().BeNull();
        var blocked = await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Blocked });
        blocked.Should().ContainSingle().Which.Detail.Should().NotContain("quarantined payload");
    }

    [Fact]
    public virtual async Task QueryAuditAsync_FiltersByScopeTimeAndAction_OldestFirst()
    {
        var a = await AddAsync(User(), "one");
        Time.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(Session(), "two");
        Time.Advance(TimeSpan.FromMinutes(1));
        await AddAsync(User("t1", "u2"), "three");
        await AddAsync(User("t2", "u1"), "four");
        Time.Advance(TimeSpan.FromMinutes(1));
        await Store.DeleteAsync(User(), a.Id);
        await Store.AppendAuditAsync(new AuditEntry { At = Time.GetUtcNow(), Action = AuditAction.Exported, Scope = User(), Count = 7, Detail = "export:json" });

        var all = await AuditAsync(User());
        all.Select(e => e.Action).Should().Equal(AuditAction.Created, AuditAction.Created, AuditAction.Deleted, AuditAction.Exported);
        all.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        all.Should().OnlyContain(e => e.Sequence > 0);
        all[^1].Count.Should().Be(7);
        all[^1].Detail.Should().Be("export:json");
        (await AuditAsync(Session())).Should().ContainSingle();
        (await AuditAsync(MemoryScope.TenantShared("t1"))).Should().HaveCount(5);
        (await AuditAsync(User(), from: Start.AddMinutes(1), to: Start.AddMinutes(3))).Select(e => e.Action).Should().Equal(AuditAction.Created);
        (await AuditAsync(User(), actions: new HashSet<AuditAction> { AuditAction.Deleted, AuditAction.Exported })).Should().HaveCount(2);
        (await AuditAsync(User(), limit: 2)).Select(e => e.Sequence).Should().Equal(all.Take(2).Select(e => e.Sequence));
    }
}
