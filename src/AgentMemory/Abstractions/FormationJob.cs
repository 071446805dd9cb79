namespace AgentMemory;

/// <summary>Queued memory-formation work: a conversation excerpt waiting to be extracted, guarded, reconciled and stored.</summary>
public sealed record FormationJob
{
    /// <summary>The job's id. Memory ids are derived from it, so a retried job never duplicates memories.</summary>
    public required Guid Id { get; init; }

    /// <summary>The scope the conversation belongs to. Jobs of one scope are processed in order, one at a time.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The serialised work (messages and options), opaque to the outbox.</summary>
    public required string Payload { get; init; }

    /// <summary>When the job was queued.</summary>
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>How many attempts failed so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The job is not claimed before this instant (back-off after a failure).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The last failure's message (no user text).</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// When the job was parked as failed after <see cref="FormationOptions.MaxAttempts"/> failed attempts, or null while it
    /// is queued. A parked job is never claimed; <see cref="IFormationOutbox.RetryFailedAsync"/> queues it again.
    /// </summary>
    public DateTimeOffset? FailedAt { get; init; }
}
