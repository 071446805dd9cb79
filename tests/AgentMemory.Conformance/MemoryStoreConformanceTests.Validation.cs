namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task AddAsync_InvalidRecords_ThrowAndStoreNothing()
    {
        var existing = await AddAsync(User(), "keep me", 0);
        var nan = MemoryRecordFactory.Axis(Dim, 0);
        nan[2] = float.NaN;
        var infinite = MemoryRecordFactory.Axis(Dim, 0);
        infinite[2] = float.PositiveInfinity;
        var cases = new (MemoryRecord Record, MemoryValidationError Error)[]
        {
            (MemoryRecordFactory.Create(User(), ""), MemoryValidationError.EmptyText),
            (MemoryRecordFactory.Create(User(), "   \n\t"), MemoryValidationError.EmptyText),
            (MemoryRecordFactory.Create(User(), new string('x', Options.MaxTextLength + 1)), MemoryValidationError.TextTooLong),
            (MemoryRecordFactory.Create(User(), "wrong dimension", MemoryRecordFactory.Axis(Dim + 3, 0)), MemoryValidationError.DimensionMismatch),
            (MemoryRecordFactory.Create(User(), "nan", nan), MemoryValidationError.NonFiniteVector),
            (MemoryRecordFactory.Create(User(), "infinite", infinite), MemoryValidationError.NonFiniteVector),
            (MemoryRecordFactory.Create(User(), "zero", new float[Dim]), MemoryValidationError.ZeroVector),
            (MemoryRecordFactory.Create(User(), "too important") with { Importance = 1.5 }, MemoryValidationError.InvalidImportance),
            (MemoryRecordFactory.Create(User(), "negative importance") with { Importance = -0.1 }, MemoryValidationError.InvalidImportance),
            (MemoryRecordFactory.Create(User(), "nan importance") with { Importance = double.NaN }, MemoryValidationError.InvalidImportance),
            (MemoryRecordFactory.Create(User(), "cut mid-emoji \uD83D"), MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "lone low \uDE00 surrogate"), MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "ill-formed context") with { Context = "x\uD800y" }, MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "ill-formed topic") with { Topic = "\uDC00" }, MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "ill-formed metadata value") with { Metadata = new Dictionary<string, string> { ["k"] = "v\uD800" } }, MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "ill-formed metadata key") with { Metadata = new Dictionary<string, string> { ["k\uDC00"] = "v" } }, MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "ill-formed speaker") with { Provenance = new MemoryProvenance(MemorySource.User, "Ann\uD800") }, MemoryValidationError.IllFormedText),
            (MemoryRecordFactory.Create(User(), "null metadata") with { Metadata = null! }, MemoryValidationError.InvalidField),
            (MemoryRecordFactory.Create(User(), "null provenance") with { Provenance = null! }, MemoryValidationError.InvalidField),
            (MemoryRecordFactory.Create(User(), "huge metadata value") with { Metadata = new Dictionary<string, string> { ["k"] = new string('v', Storage.MemoryRecordValidator.MaxMetadataValueLength + 1) } }, MemoryValidationError.LimitExceeded),
            (MemoryRecordFactory.Create(User(), "huge metadata key") with { Metadata = new Dictionary<string, string> { [new string('k', Storage.MemoryRecordValidator.MaxMetadataKeyLength + 1)] = "v" } }, MemoryValidationError.LimitExceeded),
            (MemoryRecordFactory.Create(User(), "too many metadata") with { Metadata = Enumerable.Range(0, Storage.MemoryRecordValidator.MaxMetadataEntries + 1).ToDictionary(i => "k" + i, i => "v") }, MemoryValidationError.LimitExceeded),
            (MemoryRecordFactory.Create(User(), "huge reference") with { Provenance = new MemoryProvenance(MemorySource.Document, Reference: new string('r', Storage.MemoryRecordValidator.MaxProvenanceFieldLength + 1)) }, MemoryValidationError.LimitExceeded),
        };

        foreach (var (record, error) in cases)
        {
            var act = () => Store.AddAsync(record);
            (await act.Should().ThrowAsync<InvalidMemoryException>($"'{record.Text[..Math.Min(20, record.Text.Length)]}' is invalid")).Which.Error.Should().Be(error);
            (await Store.GetAsync(User(), record.Id)).Should().BeNull();
        }

        (await Store.CountAsync(User())).Should().Be(1);
        (await ListAsync(User())).Should().ContainSingle().Which.Id.Should().Be(existing.Id);
        (await Store.GetHistoryAsync(User(), existing.Id)).Should().ContainSingle();
    }

    [Fact]
    public virtual async Task AddAsync_MaxLengthText_IsAccepted()
    {
        var text = new string('y', Options.MaxTextLength);

        var stored = await Store.AddAsync(MemoryRecordFactory.Create(User(), text));

        (await Store.GetAsync(User(), stored.Id))!.Text.Should().HaveLength(Options.MaxTextLength);
    }

    [Fact]
    public virtual async Task UpdateAsync_InvalidRecord_ThrowsAndKeepsStored()
    {
        var created = await AddAsync(User(), "valid text", 0);

        var empty = () => Store.UpdateAsync(created with { Text = " " });
        var dimension = () => Store.UpdateAsync(created with { Embedding = MemoryRecordFactory.Axis(Dim * 2, 1) });
        var importance = () => Store.UpdateAsync(created with { Importance = 2 });

        await empty.Should().ThrowAsync<InvalidMemoryException>();
        await dimension.Should().ThrowAsync<InvalidMemoryException>();
        await importance.Should().ThrowAsync<InvalidMemoryException>();
        var stored = await Store.GetAsync(User(), created.Id);
        stored!.Text.Should().Be("valid text");
        stored.Version.Should().Be(1);
        (await Store.GetHistoryAsync(User(), created.Id)).Should().ContainSingle();
    }

    [Fact]
    public virtual async Task AddAsync_FirstVector_FixesTheDimensionForEveryScope()
    {
        await AddAsync(User("t1", "u1"), "first", 0);

        var act = () => Store.AddAsync(MemoryRecordFactory.Create(User("t2", "u7"), "other tenant", MemoryRecordFactory.Axis(Dim + 1, 0)));

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
        (await Store.CountAsync(User("t2", "u7"))).Should().Be(0);
    }

    [Fact]
    public virtual async Task Operations_CanceledToken_ThrowOperationCanceledAndStoreNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var record = MemoryRecordFactory.Create(User(), "never stored", MemoryRecordFactory.Axis(Dim, 0));

        var add = () => Store.AddAsync(record, cts.Token);
        var search = () => Store.SearchAsync(new MemorySearchRequest { Scope = User(), Text = "stored" }, cts.Token);
        var erase = () => Store.EraseAsync(User(), cts.Token);
        var enqueue = () => Outbox.EnqueueAsync(Job(User()), cts.Token);

        await add.Should().ThrowAsync<OperationCanceledException>();
        await search.Should().ThrowAsync<OperationCanceledException>();
        await erase.Should().ThrowAsync<OperationCanceledException>();
        await enqueue.Should().ThrowAsync<OperationCanceledException>();
        (await Store.GetAsync(User(), record.Id)).Should().BeNull();
        (await Outbox.GetStatsAsync()).Pending.Should().Be(0);
        (await AuditAsync(User(), new HashSet<AuditAction> { AuditAction.Erased })).Should().BeEmpty();
    }
}
