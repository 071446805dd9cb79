namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [CapabilityFact(StoreCapabilities.SecondInstance)]
    public virtual async Task SecondInstance_SeesWritesAndErasuresOfTheFirst()
    {
        var second = await SecondAsync();
        var written = await AddAsync(User(), "shared storage kiwi", 0);

        (await second.GetAsync(User(), written.Id)).Should().NotBeNull();
        (await SearchAsync(User(), axis: 0, text: "kiwi", store: second)).VectorMatches.Should().ContainSingle();
        (await second.GetAsync(User("t2", "u1"), written.Id)).Should().BeNull();

        await second.EraseAsync(User());

        (await Store.GetAsync(User(), written.Id)).Should().BeNull();
        (await SearchAsync(User(), axis: 0, text: "kiwi")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 0 && r.LexicalMatches.Count == 0);
    }

    [CapabilityFact(StoreCapabilities.SecondInstance)]
    public virtual async Task SecondInstance_RespectsTheFirstInstancesLease()
    {
        var second = (IFormationOutbox)await SecondAsync();
        var job = Job(User());
        await Outbox.EnqueueAsync(job);
        await second.EnqueueAsync(job);

        (await Outbox.ClaimAsync("w1", 5, TimeSpan.FromMinutes(1))).Should().ContainSingle();
        (await second.ClaimAsync("w2", 5, TimeSpan.FromMinutes(1))).Should().BeEmpty();
        Time.Advance(TimeSpan.FromMinutes(2));
        (await second.ClaimAsync("w2", 5, TimeSpan.FromMinutes(1))).Should().ContainSingle().Which.Id.Should().Be(job.Id);
    }

    [CapabilityFact(StoreCapabilities.SecondInstance)]
    public virtual async Task SecondInstance_ConcurrentUpdates_KeepOptimisticVersioning()
    {
        var second = await SecondAsync();
        var created = await AddAsync(User(), "version one");
        await second.UpdateAsync(created with { Text = "version two" });

        var act = () => Store.UpdateAsync(created with { Text = "stale" });

        await act.Should().ThrowAsync<MemoryConcurrencyException>();
    }

    [CapabilityFact(StoreCapabilities.Durable)]
    public virtual async Task Durable_NewInstance_ReadsBackEverything()
    {
        var record = await Store.AddAsync(MemoryRecordFactory.Create(Session(), "durable kiwi", MemoryRecordFactory.Axis(Dim, 2)) with
        {
            Topic = "food",
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
            ExpiresAt = Start.AddDays(1),
        });
        await Store.UpdateAsync(record with { Text = "durable kiwi updated" });
        await Store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = Session(), Text = "blocked", Provenance = MemoryProvenance.FromUser, Reason = "poisoning", At = Start });
        await Outbox.EnqueueAsync(Job(Session()));

        var reopened = await SecondAsync();

        var read = await reopened.GetAsync(Session(), record.Id);
        read.Should().NotBeNull();
        read!.Text.Should().Be("durable kiwi updated");
        read.Version.Should().Be(2);
        read.Topic.Should().Be("food");
        read.Metadata.Should().Equal(new Dictionary<string, string> { ["k"] = "v" });
        read.ExpiresAt.Should().Be(Start.AddDays(1));
        (await reopened.GetHistoryAsync(Session(), record.Id)).Should().HaveCount(2);
        (await SearchAsync(Session(), axis: 2, text: "kiwi", store: reopened)).VectorMatches.Should().ContainSingle();
        var quarantined = new List<QuarantinedMemory>();
        await foreach (var q in reopened.ListQuarantineAsync(User()))
        {
            quarantined.Add(q);
        }

        quarantined.Should().ContainSingle();
        (await ((IFormationOutbox)reopened).GetStatsAsync()).Pending.Should().Be(1);
        var audit = new List<AuditEntry>();
        await foreach (var a in reopened.QueryAuditAsync(new AuditQuery { Scope = User() }))
        {
            audit.Add(a);
        }

        audit.Select(a => a.Action).Should().Equal(AuditAction.Created, AuditAction.Updated, AuditAction.Blocked);
    }
}
