namespace AgentMemory;

/// <summary>Options for reconciling candidates with stored memories.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>How many nearest stored memories are compared with each candidate.</summary>
    public int Neighbours { get; set; } = 5;

    /// <summary>At or above this cosine similarity, the offline reconciler treats a candidate as the same fact.</summary>
    public double DuplicateThreshold { get; set; } = 0.92;

    /// <summary>
    /// At or above this similarity (and below <see cref="DuplicateThreshold"/>), a candidate of the same kind and topic
    /// is treated by the offline reconciler as a changed version of the same fact and supersedes it.
    /// </summary>
    public double SupersedeThreshold { get; set; } = 0.75;
}
