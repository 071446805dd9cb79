namespace AgentMemory;

/// <summary>What a remember call did, or (in background mode) what will happen.</summary>
/// <param name="JobId">
/// The formation job's id. When <paramref name="Queued"/>, pass it to <see cref="IAgentMemory.WaitForFormationAsync"/> to
/// wait for the memories (or to <see cref="Formation.IFormationPump.RetryFailedAsync"/> if the job was parked).
/// </param>
/// <param name="Queued">True when the work was queued for the background worker.</param>
/// <param name="Outcomes">In inline mode, what happened to each candidate; empty when queued.</param>
public sealed record RememberReceipt(Guid JobId, bool Queued, IReadOnlyList<FormationOutcome> Outcomes)
{
    /// <summary>The mode the call ran in (the call's <see cref="RememberOptions.Mode"/>, else the configured one).</summary>
    public FormationMode Mode { get; init; }

    /// <summary>How many messages were handed to formation (after dropping empty ones); 0 means nothing was queued or formed.</summary>
    public int MessageCount { get; init; }

    /// <summary>When the job was queued (background mode), or null when nothing was queued.</summary>
    public DateTimeOffset? QueuedAt { get; init; }
}
