namespace AgentMemory;

/// <summary>What a remember call did.</summary>
/// <param name="JobId">The formation job's id.</param>
/// <param name="Queued">True when the work was queued for the background worker.</param>
/// <param name="Outcomes">In inline mode, what happened to each candidate; empty when queued.</param>
public sealed record RememberReceipt(Guid JobId, bool Queued, IReadOnlyList<FormationOutcome> Outcomes);
