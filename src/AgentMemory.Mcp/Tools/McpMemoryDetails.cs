namespace AgentMemory.Mcp.Tools;

/// <summary>One memory in full, with its history.</summary>
internal sealed record McpMemoryDetails(
    string Id,
    string Text,
    string Kind,
    string? Topic,
    double Importance,
    string Source,
    string Created,
    string Updated,
    string? Occurred,
    string? Expires,
    long Version,
    bool? Shared,
    IReadOnlyList<McpHistoryItem> History);
