namespace AgentMemory.Sqlite;

/// <summary>When a store writes the access statistics of a recall (<see cref="IMemoryStore.RecordAccessAsync"/>).</summary>
public enum AccessRecordingMode
{
    /// <summary>
    /// Accesses are queued in memory and written in batches (by size, by interval, before any read that shows access
    /// statistics, on flush and on dispose), so a recall does not wait for a durable write. A process crash loses at
    /// most the accesses of the last interval — statistics and <see cref="AuditAction.Retrieved"/> entries, never a
    /// memory.
    /// </summary>
    Deferred = 0,

    /// <summary>Each <see cref="IMemoryStore.RecordAccessAsync"/> call is written (and made durable) before it returns.</summary>
    Immediate = 1,
}
