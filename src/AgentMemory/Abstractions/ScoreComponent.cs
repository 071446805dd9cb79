namespace AgentMemory;

/// <summary>One part of a hit's score: its name, its raw value and the weight it entered the final score with.</summary>
/// <param name="Name">The part's name, e.g. "vector", "lexical", "recency", "importance".</param>
/// <param name="Value">The part's raw value.</param>
/// <param name="Weight">The weight (or multiplier) applied to it.</param>
internal readonly record struct ScoreComponent(string Name, double Value, double Weight)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Name}={Value:0.###}×{Weight:0.###}");
}
