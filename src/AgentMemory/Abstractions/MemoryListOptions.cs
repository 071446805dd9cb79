namespace AgentMemory;

/// <summary>What a listing returns.</summary>
public sealed record MemoryListOptions
{
    /// <summary>Default options: what the scope may see, every kind.</summary>
    public static MemoryListOptions Default { get; } = new();

    /// <summary>Which owner scopes are covered.</summary>
    public ScopeMatch Match { get; init; } = ScopeMatch.Visible;

    /// <summary>Conditions on the memories.</summary>
    public MemoryFilter Filter { get; init; } = MemoryFilter.None;

    /// <summary>Whether expired memories that have not been swept yet are included (default: no).</summary>
    public bool IncludeExpired { get; init; }
}
