namespace AgentMemory.Conformance;

/// <summary>Facts valid in time: valid-from and valid-to are stored, and superseded memories leave "now" but not "as of".</summary>
public abstract partial class MemoryStoreConformanceTests
{
    [Fact]
    public virtual async Task AddAsync_NoValidFrom_IsValidFromWhenItHappenedOrWasStored()
    {
        var plain = await AddAsync(User(), "plain fact");
        var happened = await Store.AddAsync(MemoryRecordFactory.Create(User(), "an event") with { Kind = MemoryKind.Episodic, OccurredAt = Start.AddDays(-3) });

        (await Store.GetAsync(User(), plain.Id))!.ValidFrom.Should().Be(Start);
        (await Store.GetAsync(User(), happened.Id))!.ValidFrom.Should().Be(Start.AddDays(-3));
        (await Store.GetAsync(User(), plain.Id))!.ValidTo.Should().BeNull();
    }

    [Fact]
    public virtual async Task UpdateAsync_ValidTo_RoundTripsAndKeepsTheMemoryReadable()
    {
        var created = await Store.AddAsync(MemoryRecordFactory.Create(User(), "lives in Madrid", MemoryRecordFactory.Axis(Dim, 1)) with { ValidFrom = Start.AddDays(-10) });
        Time.Advance(TimeSpan.FromDays(30));

        await Store.UpdateAsync(created with { ValidTo = Start.AddDays(29) }, MemoryChangeKind.Superseded, "changed");

        var read = await Store.GetAsync(User(), created.Id);
        read.Should().NotBeNull("a superseded memory is kept for history and as-of recall");
        read!.ValidFrom.Should().Be(Start.AddDays(-10));
        read.ValidTo.Should().Be(Start.AddDays(29));
        read.IsSuperseded.Should().BeTrue();
    }

    [Fact]
    public virtual async Task SearchAndList_SupersededMemory_AreLeftOutByDefault()
    {
        var old = await AddAsync(User(), "lives in Madrid", axis: 1);
        var current = await AddAsync(User(), "lives in Berlin", axis: 1);
        Time.Advance(TimeSpan.FromDays(30));
        await Store.UpdateAsync(old with { ValidTo = Time.GetUtcNow() }, MemoryChangeKind.Superseded, "changed");

        var byVector = await SearchAsync(User(), axis: 1);
        var byText = await SearchAsync(User(), text: "lives");

        byVector.VectorMatches.Select(m => m.Record.Id).Should().Equal(current.Id);
        byText.LexicalMatches.Select(m => m.Record.Id).Should().Equal(current.Id);
        (await ListAsync(User())).Select(r => r.Id).Should().Equal(current.Id);
        (await ListAsync(User(), filter: new MemoryFilter { IncludeSuperseded = true })).Select(r => r.Id).Should().BeEquivalentTo([old.Id, current.Id]);
    }

    [Fact]
    public virtual async Task SearchAndList_ValidAt_ReturnWhatWasTrueThen()
    {
        var madrid = await Store.AddAsync(MemoryRecordFactory.Create(User(), "lives in Madrid", MemoryRecordFactory.Axis(Dim, 2)));
        Time.Advance(TimeSpan.FromDays(30));
        var moved = Time.GetUtcNow();
        await Store.UpdateAsync(madrid with { ValidTo = moved }, MemoryChangeKind.Superseded, "changed");
        var berlin = await Store.AddAsync(MemoryRecordFactory.Create(User(), "lives in Berlin", MemoryRecordFactory.Axis(Dim, 2)) with { ValidFrom = moved });
        Time.Advance(TimeSpan.FromDays(30));

        var then = new MemoryFilter { ValidAt = Start.AddDays(5) };
        var later = new MemoryFilter { ValidAt = moved };
        var before = new MemoryFilter { ValidAt = Start.AddDays(-1) };

        (await SearchAsync(User(), axis: 2, filter: then)).VectorMatches.Select(m => m.Record.Id).Should().Equal(madrid.Id);
        (await SearchAsync(User(), text: "lives", filter: then)).LexicalMatches.Select(m => m.Record.Id).Should().Equal(madrid.Id);
        (await ListAsync(User(), filter: then)).Select(r => r.Id).Should().Equal(madrid.Id);
        (await SearchAsync(User(), axis: 2, filter: later)).VectorMatches.Select(m => m.Record.Id).Should().Equal([berlin.Id], "valid-to is exclusive, valid-from inclusive");
        (await SearchAsync(User(), text: "lives", filter: later)).LexicalMatches.Select(m => m.Record.Id).Should().Equal(berlin.Id);
        (await ListAsync(User(), filter: before)).Should().BeEmpty("nothing was known to be true before it was said");
    }

    [CapabilityFact(StoreCapabilities.Durable)]
    public virtual async Task Validity_SecondInstance_ReadsValidFromAndValidTo()
    {
        var created = await Store.AddAsync(MemoryRecordFactory.Create(User(), "has a Golf", MemoryRecordFactory.Axis(Dim, 3)) with { ValidFrom = Start.AddDays(-2) });
        Time.Advance(TimeSpan.FromDays(1));
        await Store.UpdateAsync(created with { ValidTo = Start.AddDays(1) }, MemoryChangeKind.Superseded, "changed");

        var second = await SecondAsync();
        var read = await second.GetAsync(User(), created.Id);

        read!.ValidFrom.Should().Be(Start.AddDays(-2));
        read.ValidTo.Should().Be(Start.AddDays(1));
        (await SearchAsync(User(), axis: 3, store: second)).VectorMatches.Should().BeEmpty();
        (await SearchAsync(User(), axis: 3, store: second, filter: new MemoryFilter { ValidAt = Start })).VectorMatches.Should().ContainSingle();
    }
}
