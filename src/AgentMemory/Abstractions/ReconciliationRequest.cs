namespace AgentMemory;

/// <summary>A candidate and its nearest stored memories in the target scope.</summary>
/// <param name="Scope">The scope the candidate will be stored in.</param>
/// <param name="Candidate">The candidate.</param>
/// <param name="Embedding">The candidate's normalised embedding.</param>
/// <param name="Neighbours">The most similar memories the scope owns, best first, with cosine similarity.</param>
public sealed record ReconciliationRequest(
    MemoryScope Scope,
    MemoryCandidate Candidate,
    ReadOnlyMemory<float> Embedding,
    IReadOnlyList<ScoredMemory> Neighbours);
