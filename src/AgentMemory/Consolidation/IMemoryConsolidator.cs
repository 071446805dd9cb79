namespace AgentMemory.Consolidation;

/// <summary>
/// Consolidates one scope's semantic memories off the response path: merges near duplicates into the oldest (closing the
/// others as superseded by it, with history) and promotes a fact confirmed on several occasions. The hosted formation
/// worker runs it every <see cref="ConsolidationOptions.Interval"/> for the scopes that formed memories; hosts without the
/// worker call it themselves.
/// </summary>
internal interface IMemoryConsolidator
{
    /// <summary>
    /// Runs one consolidation pass over the current semantic memories owned by exactly <paramref name="scope"/>, within
    /// the scope's daily budget (<see cref="ConsolidationOptions.MaxComparisonsPerDay"/>,
    /// <see cref="ConsolidationOptions.MaxMergesPerDay"/>), and writes one <see cref="AuditAction.Consolidated"/> entry.
    /// Episodic and procedural memories, superseded or expired memories and other scopes are never touched.
    /// </summary>
    /// <param name="scope">The scope whose memories are consolidated.</param>
    /// <param name="cancellationToken">Cancels the pass; merges already made stay (each is complete on its own).</param>
    /// <returns>What the pass compared, merged and promoted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="MemoryStoreException">The store failed.</exception>
    Task<ConsolidationResult> ConsolidateAsync(MemoryScope scope, CancellationToken cancellationToken = default);
}
