namespace AgentMemory.PostgreSql;

/// <summary>What <see cref="PostgreSqlMemoryStore.ScrubAsync"/> did.</summary>
/// <param name="Tables">The store's tables rewritten with <c>VACUUM (FULL, ANALYZE)</c> (with their TOAST tables and indexes).</param>
/// <param name="StatisticsCompacted">
/// Whether the planner's statistics catalog (<c>pg_statistic</c>) was rewritten too; false when the role is neither the
/// database owner nor a superuser, in which case old sample values stay there until the catalog is vacuumed.
/// </param>
/// <param name="Checkpointed">Whether <c>CHECKPOINT</c> ran (false when the role lacks superuser or <c>pg_checkpoint</c>).</param>
/// <param name="Duration">How long the scrub took, by the store's <see cref="TimeProvider"/>.</param>
public sealed record PostgreSqlScrubReport(IReadOnlyList<string> Tables, bool StatisticsCompacted, bool Checkpointed, TimeSpan Duration);
