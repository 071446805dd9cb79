namespace AgentMemory.Mcp.Tools;

/// <summary>What memory_forget_topic deleted (or, in preview, would delete).</summary>
/// <param name="Status">ok or preview.</param>
/// <param name="Deleted">How many memories were deleted (0 in preview).</param>
/// <param name="Memories">The memories concerned.</param>
/// <param name="Message">A short note (e.g. that more remain).</param>
internal sealed record McpForgetResult(string Status, int Deleted, IReadOnlyList<McpMemoryItem> Memories, string? Message = null);
