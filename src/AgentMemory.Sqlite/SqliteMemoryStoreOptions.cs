using System.ComponentModel.DataAnnotations;
using AgentMemory.Storage;

namespace AgentMemory.Sqlite;

/// <summary>Options of the SQLite store (<see cref="SqliteMemoryStore"/>).</summary>
public sealed class SqliteMemoryStoreOptions
{
    /// <summary>The connection string, e.g. <c>Data Source=memory.db</c>. Pooling is managed by the store.</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The longest memory text accepted, in characters (default <see cref="MemoryRecordValidator.DefaultMaxTextLength"/>).</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>
    /// The vector dimension, when known up front; null (default) fixes it from the first vector stored in the file.
    /// Vectors of any other dimension are rejected with <see cref="MemoryValidationError.DimensionMismatch"/>.
    /// </summary>
    [Range(1, 65_536)]
    public int? Dimension { get; set; }

    /// <summary>How long a connection waits for another writer's lock (<c>PRAGMA busy_timeout</c>), default 10 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times an operation that still meets <c>SQLITE_BUSY</c> is retried (with back-off), default 8.</summary>
    [Range(0, 100)]
    public int BusyRetries { get; set; } = 8;

    /// <summary>The commit durability; default <see cref="SqliteSynchronousMode.Full"/>.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How many scopes keep their vectors and records cached in memory (least recently used are dropped), default 1,024.</summary>
    [Range(1, 10_000_000)]
    public int MaxCachedScopes { get; set; } = 1024;

    /// <summary>How many open connections the store keeps for reuse, default 8.</summary>
    [Range(1, 256)]
    public int MaxPooledConnections { get; set; } = 8;

    /// <summary>The most distinct words of a query text used for the lexical search (the rest are ignored), default 256.</summary>
    [Range(1, 10_000)]
    public int MaxQueryTerms { get; set; } = 256;
}
