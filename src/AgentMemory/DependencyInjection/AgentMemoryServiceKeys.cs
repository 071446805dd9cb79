namespace AgentMemory;

/// <summary>Service keys AgentMemory uses, so its models do not clash with the host's own registrations (public as <see cref="AgentMemoryBuilder.ServiceKey"/>).</summary>
internal static class AgentMemoryServiceKeys
{
    /// <summary>The key of the <c>IChatClient</c> AgentMemory's model-backed extractor, reconciler, query expander and judge use (set by <c>UseChatClient</c>).</summary>
    public const string ChatClient = AgentMemoryBuilder.ServiceKey;

    /// <summary>The key of the embedding generator AgentMemory embeds memories and queries with (see <see cref="AgentMemoryBuilder.ServiceKey"/>).</summary>
    public const string EmbeddingGenerator = AgentMemoryBuilder.ServiceKey;
}
