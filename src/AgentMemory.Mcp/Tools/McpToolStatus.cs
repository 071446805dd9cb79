namespace AgentMemory.Mcp.Tools;

/// <summary>What a changing tool returns to the model.</summary>
/// <param name="Status">ok, unchanged, blocked, not_found, read_only or invalid.</param>
/// <param name="Id">The memory concerned, if any.</param>
/// <param name="Message">A short explanation for the model.</param>
internal sealed record McpToolStatus(string Status, string? Id = null, string? Message = null);
