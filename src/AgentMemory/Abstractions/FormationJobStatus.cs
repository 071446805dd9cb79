namespace AgentMemory;

/// <summary>How a formation job ended (<see cref="IAgentMemory.WaitForFormationAsync"/>).</summary>
public enum FormationJobStatus
{
    /// <summary>The job is no longer queued: its memories were formed (or its scope was erased before it ran).</summary>
    Completed = 0,

    /// <summary>
    /// The job was parked after <see cref="FormationOptions.MaxAttempts"/> failed attempts; it stays in the outbox until
    /// <see cref="Formation.IFormationPump.RetryFailedAsync"/> queues it again.
    /// </summary>
    Failed = 1,
}
