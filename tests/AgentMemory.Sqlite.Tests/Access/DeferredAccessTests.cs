using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AgentMemory.Sqlite.Tests.Access;

public sealed class DeferredAccessTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly MemoryScope _user = MemoryScope.ForUser("t1", "u1");

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Recall_access_is_queued_not_written_until_a_read_that_shows_it()
    {
        using var store = Open();
        var a = await store.AddAsync(TestRecords.Create(_user, "alpha"));

        await store.RecordAccessAsync(_user, [a.Id], "h1");

        store.PendingAccesses.Should().Be(1);
        RawAccessCount(a.Id).Should().Be(0, "the access is still queued");
        var read = await store.GetAsync(_user, a.Id);
        read!.AccessCount.Should().Be(1, "a read that shows statistics writes the queue first");
        read.LastAccessedAt.Should().Be(Start);
        store.PendingAccesses.Should().Be(0);
        RawAccessCount(a.Id).Should().Be(1);
    }

    [Fact]
    public async Task List_and_audit_reads_see_queued_accesses()
    {
        using var store = Open();
        var a = await store.AddAsync(TestRecords.Create(_user, "alpha"));
        await store.RecordAccessAsync(_user, [a.Id], "h1");
        (await store.ListAsync(_user).SingleAsync()).AccessCount.Should().Be(1);

        await store.RecordAccessAsync(_user, [a.Id], "h2");
        var audit = await store.QueryAuditAsync(new AuditQuery { Scope = _user, Actions = new HashSet<AuditAction> { AuditAction.Retrieved } }).ToListAsync();
        audit.Select(e => e.QueryHash).Should().Equal("h1", "h2");
    }

    [Fact]
    public async Task Dispose_writes_the_queue()
    {
        Guid id;
        using (var store = Open())
        {
            id = (await store.AddAsync(TestRecords.Create(_user, "alpha"))).Id;
            await store.RecordAccessAsync(_user, [id], "h1");
            await store.RecordAccessAsync(_user, [id], "h2");
            RawAccessCount(id).Should().Be(0);
        }

        RawAccessCount(id).Should().Be(2);
    }

    [Fact]
    public async Task Interval_elapsing_writes_the_queue()
    {
        using var store = Open(o => o.AccessFlushInterval = TimeSpan.FromSeconds(2));
        var a = await store.AddAsync(TestRecords.Create(_user, "alpha"));
        await store.RecordAccessAsync(_user, [a.Id], "h1");

        _time.Advance(TimeSpan.FromSeconds(1));
        RawAccessCount(a.Id).Should().Be(0);
        _time.Advance(TimeSpan.FromSeconds(1));

        await WaitUntilAsync(() => RawAccessCount(a.Id) == 1);
        store.PendingAccesses.Should().Be(0);
    }

    [Fact]
    public async Task A_full_batch_is_written_without_a_read()
    {
        using var store = Open(o => o.AccessFlushBatch = 3);
        var a = await store.AddAsync(TestRecords.Create(_user, "alpha"));
        for (var i = 0; i < 3; i++)
        {
            await store.RecordAccessAsync(_user, [a.Id], "h");
        }

        await WaitUntilAsync(() => RawAccessCount(a.Id) == 3);
    }

    [Fact]
    public async Task EraseAsync_AccessesQueuedBefore_AreWrittenUnderThePseudonymAndLateOnesLeaveNoTrace()
    {
        using var store = Open();
        var other = MemoryScope.ForUser("t1", "u2");
        var mine = await store.AddAsync(TestRecords.Create(_user, "alpha"));
        var theirs = await store.AddAsync(TestRecords.Create(other, "beta"));
        await store.RecordAccessAsync(_user.WithSession("s1"), [mine.Id], "hash-mine");
        await store.RecordAccessAsync(other, [theirs.Id], "hash-theirs");

        var receipt = await store.EraseAsync(_user);
        await store.RecordAccessAsync(_user, [mine.Id], "hash-late");
        await store.FlushAccessesAsync();

        store.PendingAccesses.Should().Be(0);
        (await store.GetAsync(other, theirs.Id))!.AccessCount.Should().Be(1, "other users' accesses are kept");
        var audit = await store.QueryAuditAsync(new AuditQuery { Scope = MemoryScope.TenantShared("t1") }).ToListAsync();
        audit.Where(e => e.Action == AuditAction.Retrieved).Select(e => (e.Scope, e.QueryHash)).Should().BeEquivalentTo(
            [(receipt.AuditScope, (string?)null), (other, "hash-theirs")],
            "the access queued before the erasure is in the trail under the pseudonym, without its query hash; the late one is not");
        RawCount("SELECT count(*) FROM memories").Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_recalls_lose_no_access()
    {
        using var store = Open(o => o.AccessFlushBatch = 7);
        var records = new List<MemoryRecord>();
        for (var i = 0; i < 5; i++)
        {
            records.Add(await store.AddAsync(TestRecords.Create(_user, "memory " + i)));
        }

        var ids = records.ConvertAll(r => r.Id);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.RecordAccessAsync(_user, ids, "h");
                if (i % 10 == t)
                {
                    _ = await store.GetAsync(_user, ids[0]);
                }
            }
        })));

        foreach (var id in ids)
        {
            (await store.GetAsync(_user, id))!.AccessCount.Should().Be(400);
        }

        var audit = await store.QueryAuditAsync(new AuditQuery { Scope = _user, Actions = new HashSet<AuditAction> { AuditAction.Retrieved }, Limit = 1000 }).ToListAsync();
        audit.Should().HaveCount(400);
    }

    [Fact]
    public async Task Immediate_mode_writes_before_returning()
    {
        using var store = Open(o => o.AccessRecording = AccessRecordingMode.Immediate);
        var a = await store.AddAsync(TestRecords.Create(_user, "alpha"));

        await store.RecordAccessAsync(_user, [a.Id], "h1");

        store.PendingAccesses.Should().Be(0);
        RawAccessCount(a.Id).Should().Be(1);
    }

    private SqliteMemoryStore Open(Action<SqliteMemoryStoreOptions>? configure = null)
    {
        var options = new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString };
        configure?.Invoke(options);
        return new SqliteMemoryStore(options, _time);
    }

    private long RawAccessCount(Guid id)
    {
        using var c = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT access_count FROM memories WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id.ToByteArray(bigEndian: true));
        return (long)cmd.ExecuteScalar()!;
    }

    private long RawCount(string sql)
    {
        using var c = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the background write should have happened");
            await Task.Delay(10);
        }
    }
}
