namespace AgentMemory;

/// <summary>A store's candidates for one search, each list ranked best first. Expired memories are never included.</summary>
/// <param name="VectorMatches">Candidates by cosine similarity (the score is the similarity).</param>
/// <param name="LexicalMatches">Candidates by lexical relevance (the score is a relevance score, higher is better).</param>
public sealed record MemorySearchResult(IReadOnlyList<ScoredMemory> VectorMatches, IReadOnlyList<ScoredMemory> LexicalMatches)
{
    /// <summary>No candidates.</summary>
    public static MemorySearchResult Empty { get; } = new([], []);
}
