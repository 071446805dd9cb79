namespace AgentMemory.Consolidation;

/// <summary>What one consolidation pass over a scope did.</summary>
/// <param name="Scope">The scope consolidated.</param>
/// <param name="Compared">How many pairs of memories were compared.</param>
/// <param name="Merged">How many memories were closed as near duplicates of an older one.</param>
/// <param name="Promoted">How many merges confirmed a memory on a new occasion and raised its importance.</param>
/// <param name="Complete">
/// Whether the pass left nothing due: every pair was compared and every finished session distilled (false when the daily
/// budget or a cancellation stopped it, or a session awaits its end or a model that failed).
/// </param>
/// <param name="Distilled">How many finished sessions were distilled into semantic facts by the model (0 without one).</param>
internal sealed record ConsolidationResult(MemoryScope Scope, int Compared, int Merged, int Promoted, bool Complete, int Distilled = 0);
