namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task AddAsync_NewRecord_RoundTripsEveryField()
    {
        var record = MemoryRecordFactory.Create(User(), "Prefers window seats", [3, 4, 0, 0, 0, 0, 0, 0]) with
        {
            Kind = MemoryKind.Episodic,
            Topic = "travel",
            Context = "Where do you like to sit on a plane?",
            Importance = 0.8,
            Provenance = new MemoryProvenance(MemorySource.User, "alice", "msg-1"),
            Metadata = new Dictionary<string, string> { ["source"] = "chat", ["lang"] = "en" },
            OccurredAt = Start.AddDays(-2),
            ExpiresAt = Start.AddDays(30),
            SchemaVersion = 3,
        };

        var stored = await Store.AddAsync(record);
        var read = await Store.GetAsync(User(), record.Id);

        foreach (var r in new[] { stored, read! })
        {
            r.Should().NotBeNull();
            r.Id.Should().Be(record.Id);
            r.Scope.Should().Be(User());
            r.Kind.Should().Be(MemoryKind.Episodic);
            r.Text.Should().Be("Prefers window seats");
            r.Topic.Should().Be("travel");
            r.Context.Should().Be("Where do you like to sit on a plane?");
            r.Importance.Should().BeApproximately(0.8, 1e-9);
            r.Provenance.Should().Be(record.Provenance);
            r.Metadata.Should().BeEquivalentTo(record.Metadata);
            r.OccurredAt.Should().Be(Start.AddDays(-2));
            r.ExpiresAt.Should().Be(Start.AddDays(30));
            r.SchemaVersion.Should().Be(3);
            r.Version.Should().Be(1);
            r.CreatedAt.Should().Be(Start);
            r.UpdatedAt.Should().Be(Start);
            r.AccessCount.Should().Be(0);
            r.Embedding.ToArray().Should().BeEquivalentTo(new[] { 0.6f, 0.8f, 0, 0, 0, 0, 0, 0 }, o => o.Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>(), "the stored embedding is L2-normalised");
        }
    }

    [Fact]
    public virtual async Task AddAsync_SameIdSameScope_ReturnsExistingAndWritesNothing()
    {
        var first = await AddAsync(User(), "original text", 0);
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = await Store.AddAsync(MemoryRecordFactory.Create(User(), "different text", MemoryRecordFactory.Axis(Dim, 1), id: first.Id));

        again.Text.Should().Be("original text");
        again.CreatedAt.Should().Be(first.CreatedAt);
        (await Store.CountAsync(User())).Should().Be(1);
        (await Store.GetHistoryAsync(User(), first.Id)).Should().ContainSingle();
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Created })).Should().ContainSingle();
        (await SearchAsync(User(), text: "different")).LexicalMatches.Should().BeEmpty();
    }

    [Fact]
    public virtual async Task AddAsync_SameIdOtherScope_ThrowsConcurrency()
    {
        var first = await AddAsync(User(), "mine");

        var act = () => Store.AddAsync(MemoryRecordFactory.Create(User("t2", "u9"), "theirs", id: first.Id));

        await act.Should().ThrowAsync<MemoryConcurrencyException>();
        (await Store.GetAsync(User(), first.Id))!.Text.Should().Be("mine");
        (await Store.CountAsync(User("t2", "u9"))).Should().Be(0);
    }

    [Fact]
    public virtual async Task UpdateAsync_CurrentVersion_IncrementsVersionAndKeepsHistory()
    {
        var created = await AddAsync(User(), "lives in Paris", 0);
        Time.Advance(TimeSpan.FromHours(1));

        var updated = await Store.UpdateAsync(created with { Text = "lives in Berlin", Embedding = MemoryRecordFactory.Axis(Dim, 1) }, MemoryChangeKind.Updated, "moved");

        updated.Version.Should().Be(2);
        updated.Text.Should().Be("lives in Berlin");
        updated.CreatedAt.Should().Be(Start);
        updated.UpdatedAt.Should().Be(Start.AddHours(1));
        (await Store.GetAsync(User(), created.Id))!.Text.Should().Be("lives in Berlin");
        var history = await Store.GetHistoryAsync(User(), created.Id);
        history.Select(h => h.Change).Should().Equal(MemoryChangeKind.Created, MemoryChangeKind.Updated);
        history[1].PreviousText.Should().Be("lives in Paris");
        history[1].NewText.Should().Be("lives in Berlin");
        history[1].Version.Should().Be(2);
        history[1].Reason.Should().Be("moved");
        history[0].PreviousText.Should().BeNull();
        history[0].NewText.Should().Be("lives in Paris");
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Updated })).Should().ContainSingle().Which.MemoryIds.Should().Equal(created.Id);
    }

    [Fact]
    public virtual async Task UpdateAsync_NewContent_ReplacesSearchIndexes()
    {
        var created = await AddAsync(User(), "walrus enthusiast", 0);

        await Store.UpdateAsync(created with { Text = "penguin enthusiast", Embedding = MemoryRecordFactory.Axis(Dim, 5) });

        (await SearchAsync(User(), text: "walrus")).LexicalMatches.Should().BeEmpty();
        (await SearchAsync(User(), text: "penguin")).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(created.Id);
        var vector = await SearchAsync(User(), axis: 5);
        vector.VectorMatches.Should().ContainSingle().Which.Score.Should().BeApproximately(1.0, 1e-4);
    }

    [Fact]
    public virtual async Task UpdateAsync_Superseded_WritesSupersededHistoryAndAudit()
    {
        var created = await AddAsync(User(), "likes tea");

        await Store.UpdateAsync(created with { Text = "likes coffee" }, MemoryChangeKind.Superseded, "contradicted");

        (await Store.GetHistoryAsync(User(), created.Id))[^1].Change.Should().Be(MemoryChangeKind.Superseded);
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Superseded })).Should().ContainSingle();
    }

    [Fact]
    public virtual async Task UpdateAsync_StaleVersion_ThrowsConcurrencyAndKeepsStored()
    {
        var created = await AddAsync(User(), "v1 text");
        await Store.UpdateAsync(created with { Text = "v2 text" });

        var act = () => Store.UpdateAsync(created with { Text = "lost update" });

        await act.Should().ThrowAsync<MemoryConcurrencyException>();
        var stored = await Store.GetAsync(User(), created.Id);
        stored!.Text.Should().Be("v2 text");
        stored.Version.Should().Be(2);
    }

    [Fact]
    public virtual async Task UpdateAsync_Unknown_ThrowsNotFound()
    {
        var act = () => Store.UpdateAsync(MemoryRecordFactory.Create(User(), "ghost"));

        await act.Should().ThrowAsync<MemoryNotFoundException>();
        (await Store.CountAsync(User())).Should().Be(0);
    }

    [Fact]
    public virtual async Task DeleteAsync_Existing_RemovesRecordAndKeepsHistory()
    {
        var created = await AddAsync(User(), "to be forgotten", 2);

        (await Store.DeleteAsync(User(), created.Id, MemoryChangeKind.Deleted, "user request")).Should().BeTrue();

        (await Store.GetAsync(User(), created.Id)).Should().BeNull();
        (await Store.CountAsync(User())).Should().Be(0);
        (await SearchAsync(User(), axis: 2, text: "forgotten")).Should().Match<MemorySearchResult>(r => r.VectorMatches.Count == 0 && r.LexicalMatches.Count == 0);
        var history = await Store.GetHistoryAsync(User(), created.Id);
        history.Select(h => h.Change).Should().Equal(MemoryChangeKind.Created, MemoryChangeKind.Deleted);
        history[1].PreviousText.Should().Be("to be forgotten");
        history[1].NewText.Should().BeNull();
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Deleted })).Should().ContainSingle().Which.MemoryIds.Should().Equal(created.Id);
        (await Store.DeleteAsync(User(), created.Id)).Should().BeFalse();
    }

    [Fact]
    public virtual async Task DeleteAsync_Unknown_ReturnsFalse()
        => (await Store.DeleteAsync(User(), Guid.NewGuid())).Should().BeFalse();

    [Fact]
    public virtual async Task ListAsync_Always_ReturnsOldestFirst()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await AddAsync(User(), $"memory number {i}")).Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        (await ListAsync(User())).Select(r => r.Id).Should().Equal(ids);
    }

    [Fact]
    public virtual async Task AddAsync_ExplicitCreatedAt_IsKept()
    {
        var record = MemoryRecordFactory.Create(User(), "imported") with { CreatedAt = Start.AddYears(-1) };

        var stored = await Store.AddAsync(record);

        stored.CreatedAt.Should().Be(Start.AddYears(-1));
        (await Store.GetAsync(User(), record.Id))!.CreatedAt.Should().Be(Start.AddYears(-1));
    }

    [Fact]
    public virtual async Task AddAsync_CallerMutatesItsInputsAfterwards_StoredRecordUnchanged()
    {
        var vector = MemoryRecordFactory.Axis(Dim, 0);
        var metadata = new Dictionary<string, string> { ["k"] = "v" };
        var stored = await Store.AddAsync(MemoryRecordFactory.Create(User(), "stable", vector) with { Metadata = metadata });

        vector[0] = 0;
        vector[1] = 1;
        metadata["k"] = "changed";
        metadata["extra"] = "x";

        var read = await Store.GetAsync(User(), stored.Id);
        read!.Metadata.Should().Equal(new Dictionary<string, string> { ["k"] = "v" });
        read.Embedding.Span[0].Should().BeApproximately(1f, 1e-5f);
        (await SearchAsync(User(), axis: 0)).VectorMatches.Should().ContainSingle().Which.Score.Should().BeApproximately(1.0, 1e-4);
    }

    [Theory]
    [InlineData(MemoryChangeKind.Expired, AuditAction.Expired)]
    [InlineData(MemoryChangeKind.Evicted, AuditAction.Evicted)]
    public virtual async Task DeleteAsync_WithChangeKind_WritesMatchingHistoryAndAudit(MemoryChangeKind change, AuditAction action)
    {
        var created = await AddAsync(User(), "removed for a reason");

        (await Store.DeleteAsync(Session(), created.Id, change, "budget")).Should().BeTrue("a user-level memory is visible from the user's session");

        var history = await Store.GetHistoryAsync(User(), created.Id);
        history[^1].Change.Should().Be(change);
        history[^1].Reason.Should().Be("budget");
        (await AuditAsync(User(), new HashSet<AuditAction> { action })).Should().ContainSingle().Which.MemoryIds.Should().Equal(created.Id);
    }
}
