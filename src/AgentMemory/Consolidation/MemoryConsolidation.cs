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

    /// <summary>The metadata key on a distilled episode: when it was read into semantic facts (ISO 8601), so it is read once.</summary>
    public const string DistilledKey = "distilled_at";

    /// <summary>The metadata key on a fact distilled from a session: the ids of the episodes it was read from, comma-separated.</summary>
    public const string DistilledFromKey = "distilled_from";

    /// <summary>The history reason of an episode marked as distilled.</summary>
    public const string DistilledReason = "consolidated: session distilled";

    /// <summary>The most occasions (and merged ids) a memory's metadata lists.</summary>
    public const int MaxOccasions = 32;

    /// <summary>The occasion a memory was stated on: its host-given session, or else its UTC day.</summary>
    public static string Occasion(MemoryRecord record)
    {
        if (record.Metadata.TryGetValue(SessionKey, out var session) && !string.IsNullOrWhiteSpace(session))
        {
            return session.Replace(',', ' ');
        }

        var day = (record.OccurredAt ?? record.CreatedAt).UtcDateTime;
        return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
