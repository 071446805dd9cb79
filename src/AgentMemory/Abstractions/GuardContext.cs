namespace AgentMemory;

/// <summary>What a guard may look at besides the candidate.</summary>
/// <param name="Scope">The target scope.</param>
/// <param name="Messages">The conversation the candidate came from (empty when the host adds a memory directly).</param>
public sealed record GuardContext(MemoryScope Scope, IReadOnlyList<ChatMessage> Messages);
