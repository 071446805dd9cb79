namespace AgentMemory.Cli.Ui;

/// <summary>A memory as the review page shows it.</summary>
internal sealed record ReviewMemory(Guid Id, string Kind, string Text, string? Topic, string Source, string? Speaker, DateTimeOffset UpdatedAt, long Version, double? Score)
{
    public static ReviewMemory From(MemoryRecord r, double? score = null)
        => new(r.Id, r.Kind.ToString(), r.Text, r.Topic, r.Provenance.Source.ToString(), r.Provenance.Speaker, r.UpdatedAt, r.Version, score);
}
