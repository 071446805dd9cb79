namespace AgentMemory.Enrichment;

/// <summary>
/// A formation step that adds information to a candidate that passed the guards (e.g. the absolute date of a relative
/// one). Unlike a guard it never blocks and its change is not a redaction: it writes no audit entry.
/// Enrichers run in registration order, after the guard chain and before the candidate is embedded.
/// </summary>
internal interface IMemoryEnricher
{
    /// <summary>The enriched candidate, or <paramref name="candidate"/> itself when there is nothing to add.</summary>
    MemoryCandidate Enrich(MemoryCandidate candidate);
}
