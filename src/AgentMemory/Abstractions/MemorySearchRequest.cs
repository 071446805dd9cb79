namespace AgentMemory;

/// <summary>A store-level candidate search within what one scope may see: by vector, by text, or both.</summary>
public sealed record MemorySearchRequest
{
    /// <summary>The reader's scope. Only memories this scope can see are considered.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The L2-normalised query embedding; empty to skip the vector search.</summary>
    public ReadOnlyMemory<float> Vector { get; init; }

    /// <summary>The query text for the lexical search; null or blank to skip it. Any text is valid.</summary>
    public string? Text { get; init; }

    /// <summary>How many candidates each search returns at most.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Conditions every candidate must meet.</summary>
    public MemoryFilter Filter { get; init; } = MemoryFilter.None;
}
