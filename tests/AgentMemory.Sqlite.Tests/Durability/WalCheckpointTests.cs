namespace AgentMemory.Sqlite.Tests.Durability;

/// <summary><see cref="SqliteMemoryStoreOptions.WalAutoCheckpointPages"/> decides when commits copy the WAL into the file.</summary>
public sealed class WalCheckpointTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public void WalAutoCheckpointPages_NotPositive_IsRejected()
    {
        var act = () => new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, WalAutoCheckpointPages = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(1_000_000, false)]
    public async Task Commits_CopyTheWalIntoTheFile_OnlyOnceItHoldsThatManyPages(int pages, bool copied)
    {
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, WalAutoCheckpointPages = pages });
        var scope = MemoryScope.ForUser("wal", "u1");
        await store.AddAsync(TestRecords.Create(scope, "first", TestRecords.Axis(64, 0)));
        var before = new FileInfo(_db.FilePath).Length;

        // ≈ 200 × 300 bytes of rows: far more than 8 pages of WAL, far less than a million.
        await store.AddRangeAsync([.. Enumerable.Range(0, 200).Select(i => TestRecords.Create(scope, "memory number " + i, TestRecords.Axis(64, i)))]);

        (new FileInfo(_db.FilePath).Length > before).Should().Be(copied);
        (await store.CountAsync(scope)).Should().Be(201);
    }

    public void Dispose() => _db.Dispose();
}
