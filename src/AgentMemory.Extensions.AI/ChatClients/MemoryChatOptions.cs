namespace AgentMemory.Extensions.AI;

/// <summary>Options for <see cref="MemoryChatClient"/>.</summary>
public sealed class MemoryChatOptions
{
    /// <summary>The key of <c>ChatOptions.AdditionalProperties</c> that carries the call's <see cref="MemoryScope"/>.</summary>
    public const string ScopePropertyName = "agentmemory.scope";

    /// <summary>Whether memories are recalled and injected before each call (default true).</summary>
    public bool Recall { get; set; } = true;

    /// <summary>Whether each exchange is queued for memory formation after the response (default true).</summary>
    public bool Remember { get; set; } = true;

    /// <summary>The most tokens the injected memory block may use (null: the AgentMemory default).</summary>
    public int? TokenBudget { get; set; }

    /// <summary>How many hits to recall (null: the AgentMemory default).</summary>
    public int? TopK { get; set; }

    /// <summary>How many recent messages are passed to recall to resolve references such as "like we discussed".</summary>
    public int RecentMessages { get; set; } = 6;
}
