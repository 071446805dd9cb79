namespace AgentMemory.AgentFramework;

/// <summary>Options for <see cref="AgentMemoryContextProvider"/>.</summary>
public sealed class AgentMemoryProviderOptions
{
    /// <summary>The most tokens the injected memory block may use (null: the AgentMemory default).</summary>
    public int? TokenBudget { get; set; }

    /// <summary>How many hits to recall (null: the AgentMemory default).</summary>
    public int? TopK { get; set; }

    /// <summary>Whether each exchange is queued for memory formation after the agent runs (default true).</summary>
    public bool Remember { get; set; } = true;

    /// <summary>Whether each agent session gets its own session scope under the user's scope (default true).</summary>
    public bool ScopeBySession { get; set; } = true;
}
