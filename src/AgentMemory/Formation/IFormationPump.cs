namespace AgentMemory.Formation;

/// <summary>
/// The manual pump of the formation queue, for console apps, tests and tools that run no hosted worker (the hosted
/// <c>FormationWorker</c> uses the same pump). Safe to call concurrently with a worker: jobs are claimed under a lease.
/// </summary>
public interface IFormationPump
{
    /// <summary>
    /// Claims one batch of ready jobs, forms their memories and completes them. A failed job is released for a later retry
    /// with backoff; on its <see cref="FormationOptions.MaxAttempts"/>th failure it is parked as failed (never dropped).
    /// </summary>
    /// <returns>How many jobs were claimed.</returns>
    Task<int> RunOnceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs batches until every job is completed or parked as failed. Jobs backing off after a failure are retried at once
    /// (no retry timer is waited on), so a job that keeps failing reaches <see cref="FormationOptions.MaxAttempts"/> and is
    /// parked within this call; only jobs leased by another worker are waited for (until that worker finishes them or its
    /// lease of <see cref="FormationOptions.LeaseDuration"/> expires). Cancel the token to stop waiting.
    /// </summary>
    /// <returns>How many jobs this call claimed (each attempt counts once).</returns>
    Task<int> DrainAsync(CancellationToken cancellationToken = default);

    /// <summary>The jobs parked as failed after <see cref="FormationOptions.MaxAttempts"/> attempts, with their <see cref="FormationJob.LastError"/>.</summary>
    IAsyncEnumerable<FormationJob> ListFailedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a parked job again (ready at once, attempt count reset), e.g. after fixing the model or generator that made
    /// it fail; the next <see cref="RunOnceAsync"/>, <see cref="DrainAsync"/> or hosted-worker pass processes it.
    /// </summary>
    /// <returns>False when no parked job has that id (e.g. it was retried already or its scope was erased).</returns>
    Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Queues every parked job again (see <see cref="RetryFailedAsync"/>).</summary>
    /// <returns>How many jobs were queued again.</returns>
    Task<int> RetryAllFailedAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes expired memories (the TTL sweeper; the hosted worker runs it every <see cref="FormationOptions.SweepInterval"/>).</summary>
    /// <returns>How many memories were removed.</returns>
    Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one consolidation pass over the current semantic memories owned by exactly <paramref name="scope"/>: merges
    /// near duplicates into the oldest (the others closed as superseded, with history) and promotes a fact confirmed on a
    /// new occasion, within the scope's daily budget (<see cref="ConsolidationOptions.MaxComparisonsPerDay"/>,
    /// <see cref="ConsolidationOptions.MaxMergesPerDay"/>). The hosted worker runs it every
    /// <see cref="ConsolidationOptions.Interval"/> for the scopes that formed memories; hosts without the worker call it
    /// themselves. With a model configured, the pass also distils the scope's finished sessions into semantic facts
    /// (<see cref="ConsolidationOptions.MaxDistilledSessionsPerDay"/>). Each pass writes one
    /// <see cref="AuditAction.Consolidated"/> entry (pairs compared in <see cref="AuditEntry.Count"/>; merges, promotions,
    /// sessions distilled and whether the pass was complete in <see cref="AuditEntry.Detail"/>).
    /// </summary>
    /// <param name="scope">The scope whose memories are consolidated.</param>
    /// <param name="cancellationToken">Cancels the pass; merges already made stay (each is complete on its own).</param>
    /// <returns>How many memories were merged into an older one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="MemoryStoreException">The store failed.</exception>
    Task<int> ConsolidateAsync(MemoryScope scope, CancellationToken cancellationToken = default);

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
