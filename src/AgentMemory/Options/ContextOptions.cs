namespace AgentMemory;

/// <summary>Options for rendering recalled memories into the system prompt.</summary>
public sealed class ContextOptions
{
    /// <summary>The most tokens the memory block may use by default.</summary>
    public int TokenBudget { get; set; } = 1_000;
}
