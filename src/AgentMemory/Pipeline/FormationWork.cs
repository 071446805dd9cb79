namespace AgentMemory.Pipeline;

/// <summary>One unit of formation: the messages of a remember call, under a job id that seeds the memory ids.</summary>
internal sealed record FormationWork(
    Guid JobId,
    MemoryScope Scope,
    IReadOnlyList<ChatMessage> Messages,
    DateTimeOffset ConversationTime,
    IReadOnlyDictionary<string, string>? Metadata);
