namespace AgentMemory.Sqlite;

/// <summary>How hard SQLite flushes a commit to disk (<c>PRAGMA synchronous</c>) in WAL mode.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// <c>FULL</c> (default): every commit is fsynced to the WAL before it is acknowledged, so an acknowledged memory
    /// survives a process crash and a power loss. One fsync per transaction: batch ingestion with
    /// <see cref="SqliteMemoryStore.AddRangeAsync"/>.
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>NORMAL</c>: commits survive a process crash and the file never corrupts, but the last transactions may roll
    /// back after a power loss or OS crash. Faster single writes.
    /// </summary>
    Normal = 1,
}
