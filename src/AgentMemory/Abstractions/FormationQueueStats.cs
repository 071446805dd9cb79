namespace AgentMemory;

/// <summary>The state of a formation outbox.</summary>
/// <param name="Pending">Jobs waiting, including those backing off (parked jobs are not counted).</param>
/// <param name="InFlight">Jobs claimed by a worker and not yet completed.</param>
/// <param name="OldestEnqueuedAt">When the oldest unfinished job (pending or in flight) was queued, or null when none.</param>
public sealed record FormationQueueStats(long Pending, long InFlight, DateTimeOffset? OldestEnqueuedAt)
{
    /// <summary>
    /// Jobs parked as failed after <see cref="FormationOptions.MaxAttempts"/> failed attempts: not claimed, not counted in
    /// <see cref="Pending"/> or the queue's capacity. List them with <see cref="IFormationOutbox.ListFailedAsync"/> and
    /// queue them again with <see cref="IFormationOutbox.RetryFailedAsync"/>.
    /// </summary>
    public long Failed { get; init; }
}
