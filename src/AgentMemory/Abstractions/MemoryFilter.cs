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

    /// <summary>
    /// Only memories whose metadata value for each of these keys is one of the key's values. A memory without the key
    /// does not match; a key with an empty (or null) set matches nothing. Durable stores compare ordinally, so give the
    /// sets the default (ordinal) string comparer.
    /// </summary>
    /// <example><c>new MemoryFilter { MetadataAnyOf = new Dictionary&lt;string, IReadOnlySet&lt;string&gt;&gt; { ["source"] = new HashSet&lt;string&gt; { "crm", "email" } } }</c></example>
    public IReadOnlyDictionary<string, IReadOnlySet<string>>? MetadataAnyOf { get; init; }

    /// <summary>Only memories created (<see cref="MemoryRecord.CreatedAt"/>) at or after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Only memories created (<see cref="MemoryRecord.CreatedAt"/>) before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Only memories last changed (<see cref="MemoryRecord.UpdatedAt"/>) at or after this instant.</summary>
    public DateTimeOffset? UpdatedAfter { get; init; }

    /// <summary>Only memories last changed (<see cref="MemoryRecord.UpdatedAt"/>) before this instant.</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

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

    /// <summary>
    /// This filter narrowed to memories that mention the entity named <paramref name="name"/> (a person, place,
    /// organisation or product; case and spacing do not matter). Formation records each entity a memory mentions as the
    /// metadata entry <c>entity:&lt;name in lower case&gt;</c> with its type (person, place, organization, product, other)
    /// as the value, so every store answers this through its metadata filter.
    /// </summary>
    /// <param name="name">The entity's name, e.g. "Berlin" or "Aisha Khan".</param>
    /// <returns>A copy of this filter that also requires the entity.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public MemoryFilter WithEntity(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var anyOf = MetadataAnyOf is null
            ? new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlySet<string>>(MetadataAnyOf, StringComparer.Ordinal);
        anyOf[Extraction.MemoryEntityKeys.Key(name)] = Extraction.MemoryEntityKeys.Types;
        return this with { MetadataAnyOf = anyOf };
    }

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

        if (MetadataAnyOf is not null)
        {
            foreach (var (key, values) in MetadataAnyOf)
            {
                if (!record.Metadata.TryGetValue(key, out var actual) || values is null || !values.Contains(actual))
                {
                    return false;
                }
            }
        }

        if (!InRange(record.CreatedAt, CreatedAfter, CreatedBefore) || !InRange(record.UpdatedAt, UpdatedAfter, UpdatedBefore))
        {
            return false;
        }

        if (ValidAt is { } instant ? !record.IsValidAt(instant) : !IncludeSuperseded && record.IsSuperseded)
        {
            return false;
        }

        return InRange(record.OccurredAt ?? record.CreatedAt, OccurredAfter, OccurredBefore);
    }

    private static bool InRange(DateTimeOffset when, DateTimeOffset? from, DateTimeOffset? before)
        => (from is null || when >= from) && (before is null || when < before);
}
