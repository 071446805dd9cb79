namespace AgentMemory.Security;

/// <summary>The outcome of running every guard on one candidate.</summary>
/// <param name="Action"><see cref="GuardAction.Allow"/> (store <paramref name="Candidate"/>, possibly rewritten), or <see cref="GuardAction.Block"/> (quarantine <paramref name="Candidate"/>).</param>
/// <param name="Candidate">What to store, or for a block what to quarantine (personal data already redacted where a guard did so).</param>
/// <param name="Reason">For a block, the blocking guard's machine reason (its type name when it gave none); otherwise the rewrite reasons joined by ';', or <see langword="null"/>.</param>
/// <param name="Score">The blocking guard's score, or the highest score any guard reported.</param>
internal sealed record GuardChainResult(GuardAction Action, MemoryCandidate Candidate, string? Reason, double Score)
{
    /// <summary>Whether the candidate was blocked.</summary>
    public bool IsBlocked => Action == GuardAction.Block;

    /// <summary>The blocking guard's type name, for a block.</summary>
    public string? Guard { get; init; }

    /// <summary>The rewrites applied before the chain ended, in order (each is audited as a redaction).</summary>
    public IReadOnlyList<GuardRewrite> Rewrites { get; init; } = [];
}
