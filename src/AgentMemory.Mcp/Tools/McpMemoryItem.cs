namespace AgentMemory.Mcp.Tools;

/// <summary>One memory as a search or list shows it to the model: only what helps it answer.</summary>
/// <param name="Id">The memory's id, for memory_get, memory_update and memory_delete.</param>
/// <param name="Text">The memory.</param>
/// <param name="Kind">semantic, episodic or procedural.</param>
/// <param name="Topic">The topic, if any.</param>
/// <param name="Date">When it happened (episodic) or was last changed, as yyyy-MM-dd.</param>
/// <param name="Score">Relevance for a search (higher is better); absent in lists.</param>
/// <param name="Shared">True when the memory belongs to a broader scope (e.g. the whole tenant) and cannot be changed here.</param>
internal sealed record McpMemoryItem(string Id, string Text, string Kind, string? Topic, string Date, double? Score = null, bool? Shared = null);
