namespace AgentMemory;

/// <summary>How a retriever fuses vector and lexical candidate lists.</summary>
internal enum FusionMode
{
    /// <summary>Reciprocal-rank fusion: each list adds weight / (k + rank). Robust to incomparable score scales.</summary>
    ReciprocalRank = 0,

    /// <summary>Weighted sum of min-max normalised scores of each list.</summary>
    WeightedScore = 1,
}
