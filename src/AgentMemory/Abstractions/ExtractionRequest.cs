namespace AgentMemory;

/// <summary>What an extractor reads: new conversation messages of one scope and when they were said.</summary>
public sealed record ExtractionRequest
{
    /// <summary>The conversation's scope.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The new messages to extract memories from.</summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>When the conversation took place; relative dates ("yesterday") are resolved against it.</summary>
    public required DateTimeOffset ConversationTime { get; init; }
}
