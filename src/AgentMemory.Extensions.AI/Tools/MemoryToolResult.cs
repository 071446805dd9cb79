namespace AgentMemory.Extensions.AI;

/// <summary>What a memory tool returns to the model.</summary>
/// <param name="Status">"ok", "not_found", "blocked", "unchanged" or "invalid".</param>
/// <param name="Id">The short memory id concerned, if any.</param>
/// <param name="Message">A short explanation for the model.</param>
public sealed record MemoryToolResult(string Status, string? Id = null, string? Message = null);
