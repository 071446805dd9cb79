namespace AgentMemory.Pipeline;

/// <summary>A candidate after validation and guards: the one to embed and store, or its final outcome.</summary>
/// <param name="Target">The scope the memory is stored in.</param>
/// <param name="Candidate">The (possibly rewritten) candidate to embed, or null when <paramref name="Outcome"/> is final.</param>
/// <param name="Outcome">The final outcome (blocked, expired, skipped), or null when the candidate goes on.</param>
internal readonly record struct PreparedCandidate(MemoryScope Target, MemoryCandidate? Candidate, FormationOutcome? Outcome);
