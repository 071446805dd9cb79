using AgentMemory.Conformance;
using AgentMemory.Storage.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Tests.Storage;

public sealed class InMemoryMemoryStoreBehaviourTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMemoryStore _store;

    public InMemoryMemoryStoreBehaviourTests() => _store = new InMemoryMemoryStore(_time);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Dimension_PresetInOptions_RejectsOtherDimensionsFromTheStart()
    {
        using var store = new InMemoryMemoryStore(_time, new InMemoryStoreOptions { Dimension = 4 });

        var act = () => store.AddAsync(MemoryRecordFactory.Create(MemoryScope.ForUser("t", "u"), "x", MemoryRecordFactory.Axis(8, 0)));

        (await act.Should().ThrowAsync<InvalidMemoryException>()).Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
        store.Dimension.Should().Be(4);
    }

    [Fact]
    public async Task Dimension_IsFixedByTheFirstVector()
    {
        _store.Dimension.Should().BeNull();

        await _store.AddAsync(MemoryRecordFactory.Create(MemoryScope.ForUser("t", "u"), "x", MemoryRecordFactory.Axis(16, 0)));

        _store.Dimension.Should().Be(16);
    }

    [Fact]
    public async Task SearchAsync_VectorPath_AllocatesIndependentlyOfRowCount()
    {
        var scope = MemoryScope.ForUser("t", "u");
        for (var i = 0; i < 3_000; i++)
        {
            await _store.AddAsync(MemoryRecordFactory.Create(scope, "row", MemoryRecordFactory.Random(32, i)));
        }

        var request = new MemorySearchRequest { Scope = scope, Vector = MemoryRecordFactory.Random(32, -1), Limit = 10 };
        for (var i = 0; i < 20; i++)
        {
            await _store.SearchAsync(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        await _store.SearchAsync(request);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(8_000, "a search of 3,000 rows allocates per result and per scope, never per row");
    }

    [Fact]
    public async Task ParallelErasuresAndWrites_LeaveIndexesConsistent()
    {
        var scopes = Enumerable.Range(0, 4).Select(u => MemoryScope.ForUser("t", $"u{u}")).ToArray();
        var work = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                var scope = scopes[(w + i) % scopes.Length];
                if (i % 15 == 14)
                {
                    await _store.EraseAsync(scope);
                }
                else
                {
                    await _store.AddAsync(MemoryRecordFactory.Create(scope.WithSession($"s{i % 2}"), $"kiwi {w} {i}", MemoryRecordFactory.Random(8, (w * 100) + i)));
                }
            }
        }));

        await Task.WhenAll(work);

        foreach (var scope in scopes)
        {
            foreach (var session in new[] { "s0", "s1" })
            {
                var reader = scope.WithSession(session);
                var listed = new List<MemoryRecord>();
                await foreach (var r in _store.ListAsync(reader))
                {
                    listed.Add(r);
                }

                var found = await _store.SearchAsync(new MemorySearchRequest { Scope = reader, Vector = MemoryRecordFactory.Random(8, 1), Text = "kiwi", Limit = 1_000 });
                found.VectorMatches.Select(m => m.Record.Id).Should().BeEquivalentTo(listed.Select(r => r.Id));
                found.LexicalMatches.Select(m => m.Record.Id).Should().BeEquivalentTo(listed.Select(r => r.Id));
                (await _store.CountAsync(reader, ScopeMatch.Visible)).Should().Be(listed.Count);
            }
        }
    }

    [Fact]
    public async Task ContainsText_FindsTextInHistoryUntilErased()
    {
        var scope = MemoryScope.ForUser("t", "u");
        var record = await _store.AddAsync(MemoryRecordFactory.Create(scope, "original wording"));
        await _store.UpdateAsync(record with { Text = "new wording" });

        _store.ContainsText("original wording").Should().BeTrue("the history keeps the previous text");
        await _store.EraseAsync(scope);
        _store.ContainsText("original wording").Should().BeFalse();
        _store.ContainsText("new wording").Should().BeFalse();
    }
}
