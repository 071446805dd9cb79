namespace AgentMemory.Mcp.Tools;

/// <summary>One change in a memory's history.</summary>
/// <param name="Version">The version the change produced.</param>
/// <param name="Change">Created, Updated, Superseded, Deleted, Expired or Evicted.</param>
/// <param name="Text">The text after the change (before it, for a deletion).</param>
/// <param name="At">When (ISO 8601).</param>
internal sealed record McpHistoryItem(long Version, string Change, string? Text, string At);
