namespace AgentMemory;

/// <summary>Recalled memories rendered for the system prompt, fenced as data, within a token budget.</summary>
/// <param name="Text">The block to add to the system prompt (empty when nothing was recalled).</param>
/// <param name="Hits">The hits that made it into the block, best first.</param>
/// <param name="TokenCount">The block's size in tokens.</param>
/// <param name="Omitted">Hits left out to respect the budget.</param>
public sealed record MemoryContext(string Text, IReadOnlyList<MemoryHit> Hits, int TokenCount, int Omitted)
{
    /// <summary>An empty context.</summary>
    public static MemoryContext Empty { get; } = new(string.Empty, [], 0, 0);
}
