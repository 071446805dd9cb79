namespace AgentMemory.Formation;

/// <summary>
/// The manual pump of the formation queue, for console apps, tests and tools that run no hosted worker (the hosted
/// <c>FormationWorker</c> uses the same pump). Safe to call concurrently with a worker: jobs are claimed under a lease.
/// </summary>
public interface IFormationPump
{
    /// <summary>Claims one batch of ready jobs, forms their memories and completes them (failed jobs are released for a later retry with backoff, never dropped).</summary>
    /// <returns>How many jobs were claimed.</returns>
    Task<int> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs batches until the queue is empty: pending jobs whose retry time has not come yet and jobs leased by another
    /// worker are waited for. Cancel the token to stop waiting.
    /// </summary>
    /// <returns>How many jobs this call processed.</returns>
    Task<int> DrainAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes expired memories (the TTL sweeper; the hosted worker runs it every <see cref="FormationOptions.SweepInterval"/>).</summary>
    /// <returns>How many memories were removed.</returns>
    Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-processes the memories of <paramref name="scope"/> (and of the scopes within it) whose
    /// <see cref="MemoryRecord.SchemaVersion"/> is older than <see cref="FormationOptions.SchemaVersion"/> and that match
    /// <paramref name="predicate"/>: each record's text goes through the current guards (a blocked one is quarantined
    /// and deleted) and embedding generator again, and the record is updated in place with the current schema version
    /// (same id, previous version kept in its history).
    /// </summary>
    /// <returns>How many records were re-processed.</returns>
    Task<int> ReprocessAsync(MemoryScope scope, Func<MemoryRecord, bool>? predicate = null, CancellationToken cancellationToken = default);
}
