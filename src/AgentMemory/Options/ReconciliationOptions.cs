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

    /// <summary>
    /// At or above this similarity, a user statement with a change cue ("now", "no longer", "moved", "my new …") that
    /// shares the subject of a stored semantic fact and brings a different value supersedes it (offline reconciler).
    /// Low by default because the cue and the shared subject carry the decision; a real embedding model lets it rise.
    /// </summary>
    public double ChangeThreshold { get; set; } = 0.2;

    /// <summary>
    /// A user statement with a change cue that shares no content word with a stored fact is still about the same thing
    /// when at least this similar (e.g. "bike" and "motorbike" with an embedding model).
    /// </summary>
    public double ChangeSimilarThreshold { get; set; } = 0.5;
}
