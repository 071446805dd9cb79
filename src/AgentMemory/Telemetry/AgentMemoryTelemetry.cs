namespace AgentMemory.Telemetry;

/// <summary>
/// Names of AgentMemory's telemetry: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named <see cref="SourceName"/>
/// (<c>tracing.AddSource(AgentMemoryTelemetry.SourceName)</c>, <c>metrics.AddMeter(AgentMemoryTelemetry.SourceName)</c>).
/// </summary>
/// <remarks>
/// Model calls follow the OpenTelemetry GenAI semantic conventions: a client span named
/// <c>{gen_ai.operation.name} {gen_ai.request.model}</c> (operation <c>chat</c> or <c>embeddings</c>) with
/// <c>gen_ai.provider.name</c>, <c>gen_ai.request.model</c>, <c>gen_ai.response.model</c>,
/// <c>gen_ai.usage.input_tokens</c>, <c>gen_ai.usage.output_tokens</c> and <c>error.type</c>, and the metrics
/// <see cref="GenAiTokenUsage"/> and <see cref="GenAiOperationDuration"/>; AgentMemory's purpose for the call
/// (<c>extract</c>, <c>reconcile</c>, <c>expand_query</c>, <c>judge</c>, <c>embed</c>, <c>embed_query</c>) is the extra
/// attribute <see cref="OperationAttribute"/>. Store calls follow the database conventions: a client span named by
/// <c>db.operation.name</c> (<c>add</c>, <c>search</c>, <c>claim</c>…) with <c>db.system.name</c> (the store's name:
/// <c>sqlite</c>, <c>postgresql</c>, <c>inmemory</c>) and the metric <see cref="DbOperationDuration"/>.
/// Nothing is measured unless a listener is attached.
/// </remarks>
public static class AgentMemoryTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "AgentMemory";

    /// <summary>Recall latency, in seconds (histogram).</summary>
    public const string RecallDuration = "agentmemory.recall.duration";

    /// <summary>Formation latency per job or saved candidate, in seconds (histogram).</summary>
    public const string FormationDuration = "agentmemory.formation.duration";

    /// <summary>Formation queue depth (pending + in flight) last observed by the formation pump (gauge, <c>{job}</c>).</summary>
    public const string QueueDepth = "agentmemory.formation.queue.depth";

    /// <summary>Age of the oldest queued formation job, in seconds, as of the observation (gauge).</summary>
    public const string QueueAge = "agentmemory.formation.queue.age";

    /// <summary>
    /// Tokens used by a model call (histogram, <c>{token}</c>), tagged <c>gen_ai.token.type</c> (<c>input</c> /
    /// <c>output</c>), <c>gen_ai.operation.name</c>, <c>gen_ai.provider.name</c>, <c>gen_ai.request.model</c>,
    /// <c>gen_ai.response.model</c> and <see cref="OperationAttribute"/>. The OpenTelemetry GenAI client metric.
    /// </summary>
    public const string GenAiTokenUsage = "gen_ai.client.token.usage";

    /// <summary>Duration of a model call, in seconds (histogram), tagged as <see cref="GenAiTokenUsage"/> (without the token type) plus <c>error.type</c> on failure.</summary>
    public const string GenAiOperationDuration = "gen_ai.client.operation.duration";

    /// <summary>Duration of a store call, in seconds (histogram), tagged <c>db.system.name</c>, <c>db.operation.name</c> and <c>error.type</c> on failure.</summary>
    public const string DbOperationDuration = "db.client.operation.duration";

    /// <summary>Memories created (counter).</summary>
    public const string MemoriesCreated = "agentmemory.memories.created";

    /// <summary>Memories evicted by the budget (counter).</summary>
    public const string MemoriesEvicted = "agentmemory.memories.evicted";

    /// <summary>Memories removed by the TTL sweeper (counter).</summary>
    public const string MemoriesExpired = "agentmemory.memories.expired";

    /// <summary>Candidates blocked by a guard (counter), tagged <see cref="BlockReasonAttribute"/> and <see cref="GuardAttribute"/>.</summary>
    public const string MemoriesBlocked = "agentmemory.memories.blocked";

    /// <summary>Formation jobs parked as failed after their last attempt (counter).</summary>
    public const string JobsParked = "agentmemory.formation.jobs.parked";

    /// <summary>
    /// The category of a block on <see cref="MemoriesBlocked"/>: the part of the guard's reason before its first
    /// <c>:</c> (<c>poisoning</c>, <c>pii</c>), or <c>other</c> for a reason without a category.
    /// </summary>
    public const string BlockReasonAttribute = "agentmemory.block.reason";

    /// <summary>The guard that blocked a candidate (its type name) on <see cref="MemoriesBlocked"/>.</summary>
    public const string GuardAttribute = "agentmemory.guard";

    /// <summary>What AgentMemory made a model call for (<c>extract</c>, <c>reconcile</c>, <c>expand_query</c>, <c>judge</c>, <c>embed</c>, <c>embed_query</c>).</summary>
    public const string OperationAttribute = "agentmemory.operation";
}
