using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Security;

/// <summary>Options of the poisoning guard (instructions smuggled into memory).</summary>
public sealed class PoisoningGuardOptions
{
    /// <summary>Whether the poisoning guard runs. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The local score at or above which a candidate is blocked. Default 0.6.</summary>
    [Range(0.05, 1.0)]
    public double BlockThreshold { get; set; } = 0.6;

    /// <summary>The local score at or above which (and below <see cref="BlockThreshold"/>) the optional model judge is asked. Default 0.3.</summary>
    [Range(0.0, 1.0)]
    public double AmbiguousThreshold { get; set; } = 0.3;

    /// <summary>Sources trusted to write instructions into memory. Default: only <see cref="MemorySource.System"/> (the host).</summary>
    public ISet<MemorySource> TrustedSources { get; set; } = new HashSet<MemorySource> { MemorySource.System };

    /// <summary>
    /// Whether a user's standing preferences ("from now on answer in bullet points") may be stored at a scope without a
    /// user (tenant-shared or agent-only). Default <see langword="false"/>: they stay memories of that user only.
    /// </summary>
    public bool AllowUserDirectivesOutsideUserScope { get; set; }

    /// <summary>How many earlier messages of the same origin are joined to catch instructions split across turns. Default 6.</summary>
    [Range(0, 64)]
    public int SplitWindow { get; set; } = 6;
}
