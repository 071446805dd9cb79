namespace AgentMemory;

/// <summary>How a retriever removes near-duplicate hits.</summary>
internal enum DiversityMode
{
    /// <summary>Keep every hit.</summary>
    None = 0,

    /// <summary>Drop a hit that is at least <see cref="RetrievalOptions.DuplicateThreshold"/> similar to a better one.</summary>
    DuplicateThreshold = 1,

    /// <summary>Maximal marginal relevance re-ranking (with <see cref="RetrievalOptions.MmrLambda"/>), plus the duplicate threshold.</summary>
    Mmr = 2,
}
