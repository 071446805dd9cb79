using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Sqlite.Tests.Resilience;

/// <summary>
/// <c>SQLITE_BUSY</c> met after the busy timeout is retried through the store's Polly pipeline, the back-off waiting on
/// the injected clock: a fake clock that does not move holds the retry back, advancing it lets the retry run, and when
/// the retries are spent the caller gets a <see cref="MemoryStoreException"/> with the provider's error inside.
/// </summary>
public sealed class BusyRetryTests : IDisposable
{
    private static readonly MemoryScope Scope = MemoryScope.ForUser("t", "u");
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddAsync_FileLockedUntilRetriesAreSpent_WaitsOnTheInjectedClock_ThenThrowsMemoryStoreException()
    {
        using var store = Open(retries: 3);
        using var blocker = HoldWriteLock();

        var add = store.AddAsync(TestRecords.Create(Scope, "blocked"));
        await Task.Delay(200);
        add.IsCompleted.Should().BeFalse("the first retry waits for the fake clock, which has not moved");

        var advances = await AdvanceUntilDoneAsync(add);

        advances.Should().BeGreaterThanOrEqualTo(3, "each of the 3 retries waited for its own back-off on the injected clock");
        var thrown = await add.Invoking(t => t).Should().ThrowAsync<MemoryStoreException>();
        thrown.Which.Component.Should().Be("sqlite");
        thrown.Which.InnerException.Should().BeOfType<SqliteException>().Which.SqliteErrorCode.Should().Be(5, "SQLITE_BUSY");
    }

    [Fact]
    public async Task AddAsync_LockReleasedDuringBackOff_SucceedsOnTheRetry()
    {
        using var store = Open(retries: 3);
        var blocker = HoldWriteLock();

        var add = store.AddAsync(TestRecords.Create(Scope, "written on the retry"));
        await Task.Delay(200);
        add.IsCompleted.Should().BeFalse();
        blocker.Dispose();
        await AdvanceUntilDoneAsync(add);

        var added = await add;
        (await store.GetAsync(Scope, added.Id)).Should().NotBeNull();
    }

    [Fact]
    public async Task AddAsync_NoRetries_ThrowsAtOnce()
    {
        using var store = Open(retries: 0);
        using var blocker = HoldWriteLock();

        var thrown = await store.Invoking(s => s.AddAsync(TestRecords.Create(Scope, "blocked"))).Should().ThrowAsync<MemoryStoreException>();
        thrown.Which.InnerException.Should().BeOfType<SqliteException>();
    }

    [Fact]
    public async Task Constructor_FileLockedByAnotherConnection_ReturnsAtOnce_AndTheFirstOperationInitializes()
    {
        // A fresh file held in an exclusive rollback-journal transaction: the store can neither read nor migrate it yet.
        var blocker = _db.OpenHolding("BEGIN EXCLUSIVE; CREATE TABLE other(x);");

        var clock = Stopwatch.StartNew();
        using var store = Open(retries: 3);
        // Only the provider's own busy wait of each command (its command timeout, 1 s at least) is spent here; the old
        // constructor slept through 8 back-offs on top of those and then threw.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the constructor tries once and does not retry");

        var add = store.AddAsync(TestRecords.Create(Scope, "after the migration"));
        await Task.Delay(200);
        add.IsCompleted.Should().BeFalse("the first operation initializes the file, retrying while it is locked");
        using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        }

        blocker.Dispose();
        await AdvanceUntilDoneAsync(add);
        var added = await add;
        (await store.GetAsync(Scope, added.Id)).Should().NotBeNull();
    }

    public void Dispose() => _db.Dispose();

    private SqliteMemoryStore Open(int retries) => new(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, BusyTimeout = TimeSpan.Zero, BusyRetries = retries }, _time);

    /// <summary>Another connection's write transaction (BEGIN IMMEDIATE), held until disposed.</summary>
    private SqliteConnection HoldWriteLock() => _db.OpenHolding("BEGIN IMMEDIATE;");

    /// <summary>Moves the fake clock past the longest back-off until <paramref name="task"/> ends; how many moves it took.</summary>
    private async Task<int> AdvanceUntilDoneAsync(Task task)
    {
        var advances = 0;
        for (var i = 0; i < 200 && !task.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            advances++;
            await Task.WhenAny(task, Task.Delay(50));
        }

        task.IsCompleted.Should().BeTrue("the retries end once the clock has moved past their back-off");
        return advances;
    }
}
