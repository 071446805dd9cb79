namespace AgentMemory;

/// <summary>A memory proposed by an extractor (or by the host), before guards, embedding and reconciliation.</summary>
public sealed record MemoryCandidate
{
    /// <summary>The kind of memory.</summary>
    public required MemoryKind Kind { get; init; }

    /// <summary>The memory's text, self-contained (names instead of pronouns, absolute dates instead of "yesterday").</summary>
    public required string Text { get; init; }

    /// <summary>How much the memory matters, in [0, 1].</summary>
    public double Importance { get; init; } = 0.5;

    /// <summary>
    /// Text around the memory where it was said (e.g. the neighbouring turns of a conversation). It is indexed for lexical
    /// search at a reduced weight, so an answer ("They're called Peruvian lilies") is found by the words of the question
    /// it answered ("What flowers do you grow?"); it is never rendered into prompts.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>A topic or task type.</summary>
    public string? Topic { get; init; }

    /// <summary>When the memory stops being valid (time-bound facts).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>For episodic memories, when the event happened.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>Where the content came from.</summary>
    public MemoryProvenance Provenance { get; init; } = MemoryProvenance.FromUser;

    /// <summary>Free-form metadata carried onto the stored record.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = MemoryRecord.EmptyMetadata;

    /// <summary>A stored record's content as a candidate again (to re-run the guards on it: re-processing, imports).</summary>
    internal static MemoryCandidate From(MemoryRecord record) => new()
    {
        Kind = record.Kind,
        Text = record.Text,
        Importance = record.Importance,
        Context = record.Context,
        Topic = record.Topic,
        ExpiresAt = record.ExpiresAt,
        OccurredAt = record.OccurredAt,
        Provenance = record.Provenance,
        Metadata = record.Metadata,
    };
}
