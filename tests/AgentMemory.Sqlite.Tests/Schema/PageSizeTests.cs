using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Tests.Schema;

/// <summary><see cref="SqliteMemoryStoreOptions.PageSize"/> sets the page size of files the store creates, and only of those.</summary>
public sealed class PageSizeTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task NewFile_GetsTheDefaultPageSize()
    {
        using (var store = new SqliteMemoryStore(_db.ConnectionString))
        {
            await store.AddAsync(TestRecords.Create(MemoryScope.ForUser("t", "u"), "likes hiking", TestRecords.Axis(8, 1)));
        }

        ReadPageSize().Should().Be(SqliteMemoryStoreOptions.DefaultPageSize);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(65_536)]
    public async Task NewFile_GetsTheConfiguredPageSize(int pageSize)
    {
        using (var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, PageSize = pageSize }))
        {
            await store.AddAsync(TestRecords.Create(MemoryScope.ForUser("t", "u"), "likes hiking", TestRecords.Axis(8, 1)));
        }

        ReadPageSize().Should().Be(pageSize);
    }

    [Fact]
    public async Task ExistingFile_KeepsItsPageSize_AndItsMemories()
    {
        var scope = MemoryScope.ForUser("t", "u");
        var first = TestRecords.Create(scope, "likes hiking", TestRecords.Axis(8, 1));
        using (var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, PageSize = 4096 }))
        {
            await store.AddAsync(first);
        }

        using (var reopened = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, PageSize = 32_768 }))
        {
            await reopened.AddAsync(TestRecords.Create(scope, "plays chess", TestRecords.Axis(8, 2)));
            (await reopened.GetAsync(scope, first.Id))!.Text.Should().Be("likes hiking");
            (await reopened.CountAsync(scope)).Should().Be(2);
        }

        ReadPageSize().Should().Be(4096);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    [InlineData(1000)]
    [InlineData(131_072)]
    public void PageSize_NotAPowerOfTwoFrom512To65536_IsRejected(int pageSize)
    {
        var act = () => new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, PageSize = pageSize });

        act.Should().Throw<ArgumentOutOfRangeException>();
        File.Exists(_db.FilePath).Should().BeFalse("nothing is written for rejected options");
    }

    public void Dispose() => _db.Dispose();

    private long ReadPageSize()
    {
        using var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size";
        return (long)cmd.ExecuteScalar()!;
    }
}
