using AgentMemory.Conformance;

namespace AgentMemory.Sqlite.Tests;

/// <summary>
/// The shared store conformance suite, run against a fresh SQLite file per test (and a second instance on it), with
/// warm lexical search from the scope's cached BM25 index (the default).
/// </summary>
[StoreCapabilities(StoreCapabilities.SecondInstance | StoreCapabilities.Durable | StoreCapabilities.InspectableStorage)]
public class SqliteMemoryStoreConformanceTests : MemoryStoreConformanceTests
{
    private readonly TempDatabase _db = new();

    /// <summary>Whether the store ranks warm lexical searches in memory (<see cref="SqliteMemoryStoreOptions.CacheLexicalIndex"/>).</summary>
    protected virtual bool CacheLexicalIndex => true;

    protected override Task<IMemoryStore> CreateStoreAsync(TimeProvider time, StoreTestOptions options)
        => Task.FromResult<IMemoryStore>(Open(time, options));

    protected override Task<IMemoryStore> CreateSecondInstanceAsync(TimeProvider time, StoreTestOptions options)
        => Task.FromResult<IMemoryStore>(Open(time, options));

    protected override Task<bool> StorageContainsTextAsync(string text) => Task.FromResult(_db.FilesContain(text));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }

    private SqliteMemoryStore Open(TimeProvider time, StoreTestOptions options)
        => new(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, MaxTextLength = options.MaxTextLength, CacheLexicalIndex = CacheLexicalIndex }, time);
}
