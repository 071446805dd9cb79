namespace AgentMemory.PostgreSql;

/// <summary>What <see cref="PostgreSqlMemoryStore.ScrubAsync"/> did.</summary>
/// <param name="Tables">The store's tables rewritten with <c>VACUUM (FULL, ANALYZE)</c> (with their TOAST tables and indexes).</param>
/// <param name="Checkpointed">Whether <c>CHECKPOINT</c> ran (false when the role lacks superuser or <c>pg_checkpoint</c>).</param>
/// <param name="Duration">How long the scrub took, by the store's <see cref="TimeProvider"/>.</param>
public sealed record PostgreSqlScrubReport(IReadOnlyList<string> Tables, bool Checkpointed, TimeSpan Duration);
