namespace AgentMemory;

/// <summary>A recall: what a reader at a scope needs for the next turn.</summary>
public sealed record RecallRequest
{
    /// <summary>The longest query accepted, in characters (longer queries are rejected with <see cref="ArgumentException"/>; the chat integrations clip to it).</summary>
    public const int MaxQueryLength = 16_000;

    /// <summary>The most additional queries a request may carry.</summary>
    public const int MaxAdditionalQueries = 32;

    /// <summary>The largest <see cref="TopK"/> accepted.</summary>
    public const int MaxTopK = 10_000;

    /// <summary>The reader's scope.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The query: usually the user's new message.</summary>
    public required string Query { get; init; }

    /// <summary>How many hits to return (null: the configured default).</summary>
    public int? TopK { get; init; }

    /// <summary>Conditions on the hits.</summary>
    public MemoryFilter Filter { get; init; } = MemoryFilter.None;

    /// <summary>The recent conversation, used to resolve "that", "like we discussed" and to expand the query.</summary>
    public IReadOnlyList<ChatMessage>? RecentMessages { get; init; }

    /// <summary>Further queries (e.g. from query expansion) searched together with <see cref="Query"/>.</summary>
    public IReadOnlyList<string>? AdditionalQueries { get; init; }

    /// <summary>
    /// Ask about a past moment: only memories that were true then (<see cref="MemoryRecord.IsValidAt"/>) are recalled,
    /// including ones superseded since. Null (default): what is true now; superseded memories are not recalled.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Hits scoring below this are dropped (null: the configured default).</summary>
    public double? MinScore { get; init; }
}
