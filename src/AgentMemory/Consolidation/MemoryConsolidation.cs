namespace AgentMemory.Consolidation;

/// <summary>
/// The metadata keys and history reasons consolidation writes. A merged memory is closed like a superseded one
/// (<see cref="MemoryRecord.ValidTo"/> set, <see cref="MemoryTimeline.SupersededByKey"/> naming the survivor) and stays
/// in the store with its history, so a merge can be read back and undone.
/// </summary>
internal static class MemoryConsolidation
{
    /// <summary>The metadata key on a surviving memory listing the ids ("D" format, comma-separated) merged into it.</summary>
    public const string MergedFromKey = "merged_from";

    /// <summary>The metadata key on a surviving memory holding on how many distinct occasions the fact was stated.</summary>
    public const string ConfirmationsKey = "confirmations";

    /// <summary>
    /// The metadata key on a surviving memory listing the occasions (UTC days "yyyy-MM-dd", or the host's
    /// <see cref="SessionKey"/> values) on which the fact was stated, comma-separated, at most <see cref="MaxOccasions"/>.
    /// </summary>
    public const string OccasionsKey = "confirmed_on";

    /// <summary>A metadata key a host may set on memories to name the session they were stated in; otherwise the UTC day counts.</summary>
    public const string SessionKey = "session_id";

    /// <summary>The history reason of a memory closed as a near duplicate.</summary>
    public const string MergedReason = "consolidated: near duplicate";

    /// <summary>The history reason of the surviving memory's update.</summary>
    public const string SurvivorReason = "consolidated: merged a near duplicate";

    /// <summary>The most occasions (and merged ids) a memory's metadata lists.</summary>
    public const int MaxOccasions = 32;
}
