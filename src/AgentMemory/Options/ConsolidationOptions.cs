using System.ComponentModel.DataAnnotations;

namespace AgentMemory;

/// <summary>
/// Options for consolidation: the maintenance pass, off the response path, that merges near-duplicate semantic memories
/// of a scope and promotes a fact confirmed on several occasions (see <c>IFormationPump.ConsolidateAsync</c>).
/// </summary>
public sealed class ConsolidationOptions
{
    /// <summary>Whether the hosted worker consolidates the scopes that formed memories since its last pass (true by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the hosted worker runs a consolidation pass (default one hour).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Two current semantic memories of the same scope are near duplicates at or above this cosine similarity (default 0.9),
    /// unless they name different numbers or proper names (a changed value is not a duplicate).
    /// </summary>
    [Range(0.5, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.9;

    /// <summary>The most pairs of memories compared per scope per UTC day (default 20,000).</summary>
    [Range(1, 10_000_000)]
    public int MaxComparisonsPerDay { get; set; } = 20_000;

    /// <summary>The most merges per scope per UTC day (default 50).</summary>
    [Range(1, 1_000_000)]
    public int MaxMergesPerDay { get; set; } = 50;

    /// <summary>How much a memory's importance rises each time a merge confirms it on a new occasion (default 0.05).</summary>
    [Range(0.0, 1.0)]
    public double PromotionStep { get; set; } = 0.05;

    /// <summary>The highest importance promotion reaches (default 0.9); a memory already above it keeps its importance.</summary>
    [Range(0.0, 1.0)]
    public double MaxPromotedImportance { get; set; } = 0.9;

    /// <summary>
    /// With a model configured: a session's episodes are distilled into semantic facts once its last episode is this old
    /// (default 30 minutes). A session is the host's <c>session_id</c> metadata value, else one UTC day.
    /// </summary>
    public TimeSpan DistillAfterIdle { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>With a model configured: the most sessions distilled per scope per UTC day, one model call each (default 10).</summary>
    [Range(0, 10_000)]
    public int MaxDistilledSessionsPerDay { get; set; } = 10;
}
