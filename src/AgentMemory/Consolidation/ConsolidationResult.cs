namespace AgentMemory.Consolidation;

/// <summary>What one consolidation pass over a scope did.</summary>
/// <param name="Scope">The scope consolidated.</param>
/// <param name="Compared">How many pairs of memories were compared.</param>
/// <param name="Merged">How many memories were closed as near duplicates of an older one.</param>
/// <param name="Promoted">How many merges confirmed a memory on a new occasion and raised its importance.</param>
/// <param name="Complete">Whether every pair due was compared (false when the daily budget or a cancellation stopped the pass).</param>
internal sealed record ConsolidationResult(MemoryScope Scope, int Compared, int Merged, int Promoted, bool Complete);
