namespace AgentMemory;

/// <summary>What a listing returns, in which order, and from where.</summary>
/// <remarks>
/// Paging is keyset paging: a <see cref="Cursor"/> names the position after the last memory of a page (its timestamp
/// under <see cref="Order"/> and its id), not an offset. Memories added while a client pages never make an
/// older memory appear twice or go missing: under <see cref="MemoryListOrder.CreatedAscending"/> they come at the end,
/// under <see cref="MemoryListOrder.CreatedDescending"/> they are before the cursor and not listed. Under the
/// <c>Updated*</c> orders, a memory changed while paging moves to its new position.
/// </remarks>
public sealed record MemoryListOptions
{
    /// <summary>Default options: what the scope may see, every kind, oldest first, no limit.</summary>
    public static MemoryListOptions Default { get; } = new();

    /// <summary>Which owner scopes are covered.</summary>
    public ScopeMatch Match { get; init; } = ScopeMatch.Visible;

    /// <summary>Conditions on the memories.</summary>
    public MemoryFilter Filter { get; init; } = MemoryFilter.None;

    /// <summary>Whether expired memories that have not been swept yet are included (default: no).</summary>
    public bool IncludeExpired { get; init; }

    /// <summary>The order (default: oldest created first).</summary>
    public MemoryListOrder Order { get; init; } = MemoryListOrder.CreatedAscending;

    /// <summary>
    /// The most memories returned: the page size of <see cref="IAgentMemory.ListPageAsync"/> (null there: 100; at most
    /// 10,000), and a cap on <see cref="IAgentMemory.ListAsync"/> (null there: no cap). Must be positive.
    /// </summary>
    public int? Limit { get; init; }

    /// <summary>
    /// Start after this position: a <see cref="MemoryPage.NextCursor"/> from an earlier page of the same listing (same
    /// scope, <see cref="Match"/> and <see cref="Order"/>). Null: from the start. The cursor is opaque; one that is
    /// malformed or belongs to another listing is rejected with an <see cref="ArgumentException"/>.
    /// </summary>
    public string? Cursor { get; init; }
}
