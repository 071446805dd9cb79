namespace AgentMemory;

/// <summary>One page of a listing (<see cref="IAgentMemory.ListPageAsync"/>).</summary>
/// <param name="Items">The memories of this page, in the listing's <see cref="MemoryListOptions.Order"/>.</param>
/// <param name="NextCursor">
/// Where the next page starts: pass it as <see cref="MemoryListOptions.Cursor"/> with the same scope, scope match, order
/// and filter. Null when this is the last page.
/// </param>
public sealed record MemoryPage(IReadOnlyList<MemoryRecord> Items, string? NextCursor);
