using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AgentMemory.Sqlite.Tests.Erasure;

/// <summary>
/// An erasure that another connection's read transaction keeps from reaching the files says so in its receipt
/// (<see cref="ErasureReceipt.ScrubPending"/>), does not stall other writers, and is finished later: on the next write
/// or on the retry timer once the reader is gone.
/// </summary>
public sealed class ErasureScrubTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    // Lower-case, unstemmed tokens: the same bytes appear in the records and in the FTS5 index.
    private static readonly string[] Markers = [.. Enumerable.Range(0, 11).Select(i => $"zqv{i}wobk")];

    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ITestOutputHelper _output;
    private readonly MemoryScope _victim = MemoryScope.ForUser("t1", "victim@example.org");
    private readonly MemoryScope _other = MemoryScope.ForUser("t1", "other");

    public ErasureScrubTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EraseAsync_NoReader_ReportsNoPendingScrubAndLeavesNoMarkerInTheFiles()
    {
        using var store = Open();
        await SeedAsync(store);

        var receipt = await store.EraseAsync(_victim);

        receipt.Records.Should().Be(Markers.Length);
        receipt.ScrubPending.Should().BeFalse();
        store.ScrubPending.Should().BeFalse();
        MarkersInFiles().Should().BeEmpty();
        _db.FilesContain("victim@example.org").Should().BeFalse("the erased user's id is pseudonymised");
        _db.FilesContain("gardening").Should().BeTrue("the probe must find text that is still stored");
    }

    [Fact]
    public async Task EraseAsync_ReaderHoldsTransaction_ReturnsPromptlyWithScrubPendingWithoutStallingWriters()
    {
        using var store = Open();
        using var writer = Open();
        await SeedAsync(store);
        using var reader = OpenReader();

        var (receipt, eraseTime, writerStall) = await EraseWhileWritingAsync(store, writer);

        _output.WriteLine($"erase with a reader held: {eraseTime.TotalMilliseconds:0} ms; longest concurrent save: {writerStall.TotalMilliseconds:0} ms");
        receipt.ScrubPending.Should().BeTrue("the reader keeps the checkpoint from copying the zeroed pages into the file");
        store.ScrubPending.Should().BeTrue();
        eraseTime.Should().BeLessThan(TimeSpan.FromSeconds(5), "the erasure does not wait for the reader");
        writerStall.Should().BeLessThan(TimeSpan.FromSeconds(5), "a pending scrub holds no write lock while it waits");
        (await store.CountAsync(_victim)).Should().Be(0, "the records are gone from every read at once");
    }

    [Fact]
    public async Task EraseAsync_ReaderClosedBeforeNextWrite_NextWriteScrubsTheFiles()
    {
        using var store = Open();
        await SeedAsync(store);
        var reader = OpenReader();
        var receipt = await store.EraseAsync(_victim);
        receipt.ScrubPending.Should().BeTrue();
        await store.AddAsync(TestRecords.Create(_other, "written while the reader still reads", TestRecords.Axis(8, 2)));
        store.ScrubPending.Should().BeTrue("the reader still holds its snapshot");

        reader.Dispose();
        await store.AddAsync(TestRecords.Create(_other, "the next write after the reader left", TestRecords.Axis(8, 3)));

        store.ScrubPending.Should().BeFalse();
        MarkersInFiles().Should().BeEmpty();
        var later = await store.EraseAsync(MemoryScope.ForUser("t1", "nobody"));
        later.ScrubPending.Should().BeFalse();
    }

    [Fact]
    public async Task EraseAsync_ReaderClosed_RetryTimerScrubsTheFiles()
    {
        using var store = Open();
        await SeedAsync(store);
        var reader = OpenReader();
        (await store.EraseAsync(_victim)).ScrubPending.Should().BeTrue();
        _time.Advance(SqliteMemoryStoreOptions.DefaultScrubRetryInterval);
        store.ScrubPending.Should().BeTrue("the reader is still there at the first retry");

        reader.Dispose();
        _time.Advance(SqliteMemoryStoreOptions.DefaultScrubRetryInterval);

        store.ScrubPending.Should().BeFalse();
        MarkersInFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task Open_ScrubLeftPendingByAClosedStore_IsFinishedByTheNextStore()
    {
        using (var seeding = Open())
        {
            await SeedAsync(seeding);
        }

        var reader = OpenReader();
        using (var first = Open())
        {
            (await first.EraseAsync(_victim)).ScrubPending.Should().BeTrue();
        }

        reader.Dispose();
        using var next = Open();

        next.ScrubPending.Should().BeTrue("the pending scrub is recorded in the file");
        _time.Advance(SqliteMemoryStoreOptions.DefaultScrubRetryInterval);
        next.ScrubPending.Should().BeFalse();
        MarkersInFiles().Should().BeEmpty();
    }

    [Fact]
    public async Task EraseAsync_OtherInstanceCachedTheErasedScope_ItsNextSaveIsVisibleAgain()
    {
        using var eraser = Open();
        using var other = Open();
        await other.AddAsync(TestRecords.Create(_victim, "before erasure", TestRecords.Axis(8, 0)));
        await eraser.EraseAsync(_victim);

        var again = await other.AddAsync(TestRecords.Create(_victim, "after erasure", TestRecords.Axis(8, 1)));

        (await eraser.GetAsync(_victim, again.Id)).Should().NotBeNull("a save must not land on the erased scope's retired row");
        (await other.GetAsync(_victim, again.Id)).Should().NotBeNull();
        (await other.CountAsync(_victim)).Should().Be(1);
    }

    private async Task<(ErasureReceipt Receipt, TimeSpan EraseTime, TimeSpan WriterStall)> EraseWhileWritingAsync(SqliteMemoryStore store, SqliteMemoryStore writer)
    {
        var erase = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var receipt = await store.EraseAsync(_victim);
            return (receipt, clock.Elapsed);
        });
        var longest = TimeSpan.Zero;
        for (var saves = 0; !erase.IsCompleted || saves < 3; saves++)
        {
            var started = Stopwatch.GetTimestamp();
            await writer.AddAsync(TestRecords.Create(_other, "concurrent save " + saves, TestRecords.Axis(8, saves)));
            var took = Stopwatch.GetElapsedTime(started);
            longest = took > longest ? took : longest;

            // A pause between saves, as real writers have: back-to-back transactions would starve the erasure's
            // BEGIN IMMEDIATE, whose busy handler polls.
            await Task.Delay(10);
        }

        var (erased, eraseTime) = await erase;
        return (erased, eraseTime, longest);
    }

    private async Task SeedAsync(SqliteMemoryStore store)
    {
        for (var i = 0; i < 20; i++)
        {
            await store.AddAsync(TestRecords.Create(_other, $"other user note {i} about gardening", TestRecords.Axis(8, i)));
        }

        var firstId = Guid.Empty;
        for (var i = 0; i < Markers.Length; i++)
        {
            var record = await store.AddAsync(TestRecords.Create(_victim, $"diary entry {Markers[i]} of the victim", TestRecords.Axis(8, i)));
            if (i == 0)
            {
                firstId = record.Id;
                await store.UpdateAsync(record with { Text = $"diary entry {Markers[i]} of the victim, updated" });
            }
        }

        await store.RecordAccessAsync(_victim, [firstId], "hash-of-a-victim-query");
        await store.FlushAccessesAsync();
        (await store.CheckpointAsync()).Should().BeTrue();
        MarkersInFiles().Should().HaveCount(Markers.Length, "the probe must see stored text");
    }

    private SqliteConnection OpenReader() => _db.OpenHolding("BEGIN; SELECT count(*) FROM memories;");

    private List<string> MarkersInFiles() => [.. Markers.Where(_db.FilesContain)];

    private SqliteMemoryStore Open() => new(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString }, _time);
}
