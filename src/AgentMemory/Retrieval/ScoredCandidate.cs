namespace AgentMemory.Retrieval;

/// <summary>A candidate with its final score and the components that explain it.</summary>
internal sealed record ScoredCandidate(MemoryRecord Record, double Score, IReadOnlyList<ScoreComponent> Components);
