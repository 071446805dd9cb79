namespace AgentMemory;

/// <summary>What a guard decided about one candidate.</summary>
/// <param name="Action">The decision.</param>
/// <param name="Candidate">For <see cref="GuardAction.Rewrite"/>, the candidate to store instead. For <see cref="GuardAction.Block"/>, optionally the copy to quarantine (personal data already redacted).</param>
/// <param name="Reason">Machine-readable reason, no user text (e.g. "poisoning:instruction-override", "pii:email").</param>
/// <param name="Score">Confidence in [0, 1].</param>
public sealed record GuardVerdict(GuardAction Action, MemoryCandidate? Candidate = null, string? Reason = null, double Score = 0)
{
    /// <summary>Store as it is.</summary>
    public static GuardVerdict Allow { get; } = new(GuardAction.Allow);
}
