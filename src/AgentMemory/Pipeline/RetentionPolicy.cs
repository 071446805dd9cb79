namespace AgentMemory.Pipeline;

/// <summary>The retention score used to pick which memories a scope over its budget evicts first.</summary>
internal static class RetentionPolicy
{
    private const double RecencyWeight = 0.45;
    private const double ImportanceWeight = 0.35;
    private const double FrequencyWeight = 0.20;

    /// <summary>
    /// 0.45 × recency (halving every <paramref name="halfLife"/> since last access or update) + 0.35 × importance
    /// + 0.20 × access frequency (log-scaled, saturating at 15 accesses). Higher is kept longer.
    /// </summary>
    public static double Score(MemoryRecord record, DateTimeOffset now, TimeSpan halfLife)
    {
        var last = record.LastAccessedAt is { } accessed && accessed > record.UpdatedAt ? accessed : record.UpdatedAt;
        var age = Math.Max(0, (now - last).TotalSeconds);
        var recency = Math.Pow(0.5, age / Math.Max(1, halfLife.TotalSeconds));
        var frequency = Math.Min(1, Math.Log2(1 + record.AccessCount) / 4);
        return (RecencyWeight * recency) + (ImportanceWeight * Math.Clamp(record.Importance, 0, 1)) + (FrequencyWeight * frequency);
    }
}
