namespace AgentMemory;

/// <summary>What <see cref="IAgentMemory.RememberAsync"/> does when the formation queue is at capacity.</summary>
public enum QueueFullBehavior
{
    /// <summary>Wait (back-pressure) until the queue has room, up to <see cref="FormationOptions.QueueFullTimeout"/>, then throw <see cref="FormationQueueFullException"/>.</summary>
    Wait = 0,

    /// <summary>Throw <see cref="FormationQueueFullException"/> at once.</summary>
    Reject = 1,
}
