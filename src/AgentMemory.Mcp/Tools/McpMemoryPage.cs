namespace AgentMemory.Mcp.Tools;

/// <summary>One page of a listing.</summary>
/// <param name="Total">How many memories match in all.</param>
/// <param name="Memories">This page, most recently changed first.</param>
/// <param name="NextOffset">The offset of the next page, or null when this is the last.</param>
internal sealed record McpMemoryPage(int Total, IReadOnlyList<McpMemoryItem> Memories, int? NextOffset);
