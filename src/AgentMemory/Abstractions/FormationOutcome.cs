namespace AgentMemory;

/// <summary>What became of one candidate memory.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Record">The stored (added, updated or superseded) or deleted memory, when there is one.</param>
/// <param name="Reason">Why, for blocked or unchanged candidates (no user text).</param>
public sealed record FormationOutcome(FormationOutcomeKind Kind, MemoryRecord? Record = null, string? Reason = null);
