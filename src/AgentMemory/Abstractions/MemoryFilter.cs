namespace AgentMemory;

/// <summary>Optional conditions on the memories a search or listing returns. Every condition must hold.</summary>
public sealed record MemoryFilter
{
    /// <summary>No conditions.</summary>
    public static MemoryFilter None { get; } = new();

    /// <summary>Only these kinds (null: all kinds).</summary>
    public IReadOnlySet<MemoryKind>? Kinds { get; init; }

    /// <summary>Only memories with this topic (ordinal, case-insensitive).</summary>
    public string? Topic { get; init; }

    /// <summary>Only memories whose metadata holds every one of these key/value pairs.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Only memories whose event time (or creation time when unset) is at or after this instant.</summary>
    public DateTimeOffset? OccurredAfter { get; init; }

    /// <summary>Only memories whose event time (or creation time when unset) is before this instant.</summary>
    public DateTimeOffset? OccurredBefore { get; init; }

    /// <summary>
    /// Only memories that were true at this instant (<see cref="MemoryRecord.IsValidAt"/>), superseded or not. Null: only
    /// memories that are still current (not superseded), unless <see cref="IncludeSuperseded"/>.
    /// </summary>
    public DateTimeOffset? ValidAt { get; init; }

    /// <summary>Whether superseded memories are included when <see cref="ValidAt"/> is null (default: no).</summary>
    public bool IncludeSuperseded { get; init; }

    /// <summary>Whether <paramref name="record"/> meets every condition. Stores that filter in memory use this.</summary>
    public bool Matches(MemoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Kinds is not null && !Kinds.Contains(record.Kind))
        {
            return false;
        }

        if (Topic is not null && !string.Equals(Topic, record.Topic, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Metadata is not null)
        {
            foreach (var (key, value) in Metadata)
            {
                if (!record.Metadata.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        if (ValidAt is { } instant ? !record.IsValidAt(instant) : !IncludeSuperseded && record.IsSuperseded)
        {
            return false;
        }

        var when = record.OccurredAt ?? record.CreatedAt;
        return (OccurredAfter is null || when >= OccurredAfter) && (OccurredBefore is null || when < OccurredBefore);
    }
}
