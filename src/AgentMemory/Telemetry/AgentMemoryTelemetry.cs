namespace AgentMemory.Telemetry;

/// <summary>
/// Names of AgentMemory's telemetry: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named <see cref="SourceName"/>
/// (<c>tracing.AddSource(AgentMemoryTelemetry.SourceName)</c>, <c>metrics.AddMeter(AgentMemoryTelemetry.SourceName)</c>).
/// </summary>
public static class AgentMemoryTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "AgentMemory";

    /// <summary>Recall latency, in seconds (histogram).</summary>
    public const string RecallDuration = "agentmemory.recall.duration";

    /// <summary>Formation latency per job or saved candidate, in seconds (histogram).</summary>
    public const string FormationDuration = "agentmemory.formation.duration";

    /// <summary>Formation queue depth (pending + in flight) observed by the worker (histogram).</summary>
    public const string QueueDepth = "agentmemory.formation.queue.depth";

    /// <summary>Age of the oldest queued job, in seconds, observed by the worker (histogram).</summary>
    public const string QueueAge = "agentmemory.formation.queue.age";

    /// <summary>Model tokens used (histogram, tagged <c>gen_ai.operation.name</c> and <c>gen_ai.token.type</c>).</summary>
    public const string ModelTokens = "agentmemory.model.tokens";

    /// <summary>Memories created (counter).</summary>
    public const string MemoriesCreated = "agentmemory.memories.created";

    /// <summary>Memories evicted by the budget (counter).</summary>
    public const string MemoriesEvicted = "agentmemory.memories.evicted";

    /// <summary>Memories removed by the TTL sweeper (counter).</summary>
    public const string MemoriesExpired = "agentmemory.memories.expired";

    /// <summary>Candidates blocked by a guard (counter).</summary>
    public const string MemoriesBlocked = "agentmemory.memories.blocked";

    /// <summary>Formation jobs parked as failed after their last attempt (counter).</summary>
    public const string JobsParked = "agentmemory.formation.jobs.parked";
}
