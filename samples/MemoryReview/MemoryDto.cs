using AgentMemory;

namespace MemoryReview;

/// <summary>A memory as the review page shows it.</summary>
internal sealed record MemoryDto(
    Guid Id,
    string Kind,
    string Text,
    string? Topic,
    double Importance,
    string Source,
    string? Speaker,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? ExpiresAt,
    long Version,
    double? Score)
{
    public static MemoryDto From(MemoryRecord r, double? score = null) => new(
        r.Id,
        r.Kind.ToString(),
        r.Text,
        r.Topic,
        r.Importance,
        r.Provenance.Source.ToString(),
        r.Provenance.Speaker,
        r.CreatedAt,
        r.UpdatedAt,
        r.OccurredAt,
        r.ExpiresAt,
        r.Version,
        score);
}
