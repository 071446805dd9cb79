namespace AgentMemory;

/// <summary>Options for recall: candidate search, fusion, weighting and diversification.</summary>
public sealed class RetrievalOptions
{
    /// <summary>How many hits a recall returns by default.</summary>
    public int TopK { get; set; } = 8;

    /// <summary>Hits scoring below this are dropped.</summary>
    public double MinScore { get; set; }
}
