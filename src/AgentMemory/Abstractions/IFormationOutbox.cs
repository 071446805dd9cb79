namespace AgentMemory;

/// <summary>
/// The durable queue of memory-formation work (a table in durable stores). Workers claim jobs under a lease, so a job
/// whose worker died is claimed again after the lease; a scope never has two jobs in flight, so its work is applied in order.
/// Erasing a scope (<see cref="IMemoryStore.EraseAsync"/>) removes its jobs.
/// </summary>
public interface IFormationOutbox
{
    /// <summary>Queues a job durably. Idempotent by <see cref="FormationJob.Id"/>.</summary>
    Task EnqueueAsync(FormationJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="maxJobs"/> ready jobs for <paramref name="workerId"/>, oldest first, at most one per
    /// scope and none of a scope that already has a job in flight under an unexpired lease.
    /// </summary>
    Task<IReadOnlyList<FormationJob>> ClaimAsync(string workerId, int maxJobs, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Removes a finished job. Returns false when the job is gone or is no longer leased by <paramref name="workerId"/>.</summary>
    Task<bool> CompleteAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default);

    /// <summary>Returns a failed job to the queue with its attempt count incremented, not to be claimed before <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(Guid jobId, string workerId, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>Counts of pending and in-flight jobs and the oldest job's age.</summary>
    Task<FormationQueueStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
