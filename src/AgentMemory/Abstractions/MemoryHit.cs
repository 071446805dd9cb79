namespace AgentMemory;

/// <summary>A recalled memory with its final score and the parts the score was made of.</summary>
/// <param name="Record">The memory.</param>
/// <param name="Score">The final score (higher is better).</param>
/// <param name="Components">The parts of the score, for explanation and debugging.</param>
public sealed record MemoryHit(MemoryRecord Record, double Score, IReadOnlyList<ScoreComponent> Components)
{
    /// <summary>A one-line explanation of the score.</summary>
    public string Explain() => FormattableString.Invariant($"{Score:0.####} = ") + string.Join(", ", Components);
}
