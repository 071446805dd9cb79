namespace AgentMemory.Extensions.AI;

/// <summary>One memory as the search tool shows it to the model.</summary>
/// <param name="Id">A short id ("m1", "m2", …) valid for this toolset; use it with update and delete.</param>
/// <param name="Text">The memory.</param>
/// <param name="Kind">episodic, semantic or procedural.</param>
/// <param name="Topic">The topic, if any.</param>
/// <param name="When">When it happened or was stored (ISO 8601 date).</param>
/// <param name="Score">Relevance (higher is better).</param>
public sealed record MemoryToolHit(string Id, string Text, string Kind, string? Topic, string When, double Score);
