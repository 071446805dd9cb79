namespace AgentMemory;

/// <summary>Which audit entries to read.</summary>
public sealed record AuditQuery
{
    /// <summary>Only entries whose scope lies within this scope (see <see cref="MemoryScope.Contains"/>).</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>Only entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only these actions (null: all).</summary>
    public IReadOnlySet<AuditAction>? Actions { get; init; }

    /// <summary>The most entries to return, oldest first.</summary>
    public int Limit { get; init; } = 1000;
}
