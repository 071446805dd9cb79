namespace AgentMemory;

/// <summary>
/// The durable queue of memory-formation work (a table in durable stores). Workers claim jobs under a lease, so a job
/// whose worker died is claimed again after the lease; a scope never has two jobs in flight, so its work is applied in order.
/// A job that failed <see cref="FormationOptions.MaxAttempts"/> times is parked as failed (kept, visible, never claimed)
/// until <see cref="RetryFailedAsync"/> queues it again. Erasing a scope (<see cref="IMemoryStore.EraseAsync"/>) removes
/// its jobs, parked ones included.
/// </summary>
public interface IFormationOutbox
{
    /// <summary>Queues a job durably. Idempotent by <see cref="FormationJob.Id"/>.</summary>
    Task EnqueueAsync(FormationJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxJobs"/> ready jobs for <paramref name="workerId"/>, oldest first, at most one per
    /// scope and none of a scope that already has a job in flight under an unexpired lease. Parked jobs are never claimed
    /// and do not hold back the later jobs of their scope.
    /// </summary>
    /// <param name="workerId">The claiming worker.</param>
    /// <param name="maxJobs">The most jobs to claim.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="ignoreRetryTime">
    /// Whether jobs backing off after a failure (<see cref="FormationJob.NotBefore"/> still in the future) are claimed too:
    /// <c>FlushAsync</c> retries them at once instead of waiting for their retry time.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task<IReadOnlyList<FormationJob>> ClaimAsync(string workerId, int maxJobs, TimeSpan lease, bool ignoreRetryTime = false, CancellationToken cancellationToken = default);

    /// <summary>Removes a finished job. Returns false when the job is gone or is no longer leased by <paramref name="workerId"/>.</summary>
    Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default);

    /// <summary>Returns a failed job to the queue with its attempt count incremented, not to be claimed before <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(Guid jobId, string workerId, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Parks a failed job leased by <paramref name="workerId"/> as failed (dead-letters it): its attempt count is
    /// incremented, <paramref name="failure"/> recorded and <see cref="FormationJob.FailedAt"/> set; it is kept but never
    /// claimed again until <see cref="RetryFailedAsync"/>. Does nothing when the job is gone or leased by another worker.
    /// </summary>
    Task ParkAsync(Guid jobId, string workerId, string failure, CancellationToken cancellationToken = default);

    /// <summary>The jobs parked as failed, oldest first (by when they were queued).</summary>
    IAsyncEnumerable<FormationJob> ListFailedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a job that is still in the outbox (pending, in flight or parked as failed), or null when it is not there:
    /// completed, erased with its scope, or never queued.
    /// </summary>
    Task<FormationJob?> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a parked job again, ready at once, with its attempt count reset to 0 (its <see cref="FormationJob.LastError"/>
    /// is kept). Returns false when no parked job has that id.
    /// </summary>
    Task<bool> RetryFailedAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Counts of pending, in-flight and parked jobs and the oldest unfinished job's age.</summary>
    Task<FormationQueueStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
