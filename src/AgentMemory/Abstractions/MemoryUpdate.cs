namespace AgentMemory;

/// <summary>A change a user or host makes to a memory. Null fields stay as they are.</summary>
public sealed record MemoryUpdate
{
    /// <summary>The new text.</summary>
    public string? Text { get; init; }

    /// <summary>The new topic.</summary>
    public string? Topic { get; init; }

    /// <summary>The new importance in [0, 1].</summary>
    public double? Importance { get; init; }

    /// <summary>The new expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The new metadata (replaces the old).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>When set, the update applies only if the stored memory is still at this version (else <see cref="MemoryConcurrencyException"/>).</summary>
    public long? ExpectedVersion { get; init; }
}
