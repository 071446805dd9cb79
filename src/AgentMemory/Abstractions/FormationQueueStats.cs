namespace AgentMemory;

/// <summary>The state of a formation outbox.</summary>
/// <param name="Pending">Jobs waiting, including those backing off.</param>
/// <param name="InFlight">Jobs claimed by a worker and not yet completed.</param>
/// <param name="OldestEnqueuedAt">When the oldest unfinished job was queued, or null when none.</param>
public sealed record FormationQueueStats(long Pending, long InFlight, DateTimeOffset? OldestEnqueuedAt);
