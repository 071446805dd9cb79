namespace AgentMemory;

/// <summary>A recalled memory with its final score.</summary>
/// <param name="Record">The memory.</param>
/// <param name="Score">The final score (higher is better).</param>
public sealed record MemoryHit(MemoryRecord Record, double Score)
{
    /// <summary>The parts of the score (internal: names and weights change with the ranking; <see cref="Explain"/> shows them).</summary>
    internal IReadOnlyList<ScoreComponent> Components { get; init; } = [];

    /// <summary>A one-line explanation of the score and the parts it was made of, for logs and debugging.</summary>
    public string Explain() => FormattableString.Invariant($"{Score:0.####} = ") + string.Join(", ", Components);
}
