using AgentMemory.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// One memory under test, used only through <see cref="IAgentMemory"/> as a host would: <c>AddAgentMemory</c> with its
/// defaults (background formation drained by <see cref="IAgentMemory.FlushAsync"/>), the chosen store (SQLite in a
/// temporary file, deleted on dispose, or in-memory), the chosen embeddings, and a clock the harness sets.
/// </summary>
internal sealed class HarnessMemory : IAsyncDisposable
{
    public const string InMemoryStore = "inmemory";
    public const string SqliteStore = "sqlite";

    private readonly ServiceProvider _provider;
    private readonly string? _databasePath;

    public HarnessMemory(string store, Func<AgentMemoryBuilder, AgentMemoryBuilder> embeddings, FixedTimeProvider clock, string name)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        var builder = services.AddAgentMemory(o => RetrievalOverrides.Apply(o.Retrieval));
        if (store == SqliteStore)
        {
            _databasePath = Path.Combine(Path.GetTempPath(), $"agentmemory-{name}-{Guid.NewGuid():N}.db");
            builder.UseSqlite("Data Source=" + _databasePath, o => o.Synchronous = SqliteSynchronousMode.Normal); // durability does not change what is recalled
        }
        else
        {
            builder.UseInMemoryStore();
        }

        embeddings(builder);
        _provider = services.BuildServiceProvider();
        Memory = _provider.GetRequiredService<IAgentMemory>();
    }

    public IAgentMemory Memory { get; }

    public static bool IsKnownStore(string? store) => store is InMemoryStore or SqliteStore;

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync().ConfigureAwait(false);
        if (_databasePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }
}
