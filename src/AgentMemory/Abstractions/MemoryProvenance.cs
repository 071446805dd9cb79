namespace AgentMemory;

/// <summary>Where a memory came from: its source, who said it and a reference to the originating message or job.</summary>
/// <param name="Source">The kind of source.</param>
/// <param name="Speaker">The speaker's name when known (e.g. a chat message's author name).</param>
/// <param name="Reference">An opaque reference to the origin (message id, formation job id, document URI).</param>
public sealed record MemoryProvenance(MemorySource Source, string? Speaker = null, string? Reference = null)
{
    /// <summary>Provenance for content stated by the user.</summary>
    public static MemoryProvenance FromUser { get; } = new(MemorySource.User);

    /// <summary>Provenance for content written by the host application.</summary>
    public static MemoryProvenance FromSystem { get; } = new(MemorySource.System);
}
