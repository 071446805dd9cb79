namespace AgentMemory;

/// <summary>A store's candidate: a memory and the raw score of one search (cosine similarity or a lexical rank score).</summary>
/// <param name="Record">The memory.</param>
/// <param name="Score">The raw score; higher is better. Comparable only within one result list.</param>
public readonly record struct ScoredMemory(MemoryRecord Record, double Score);
