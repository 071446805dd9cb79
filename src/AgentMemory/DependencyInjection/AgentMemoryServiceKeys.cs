namespace AgentMemory;

/// <summary>Service keys AgentMemory uses, so its models do not clash with the host's own registrations.</summary>
public static class AgentMemoryServiceKeys
{
    /// <summary>The key of the <c>IChatClient</c> AgentMemory's model-backed extractor, reconciler and query expander use (set by <c>UseChatClient</c>).</summary>
    public const string ChatClient = "AgentMemory";

    /// <summary>
    /// The key of the <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> AgentMemory embeds memories and
    /// queries with (set by <c>UseEmbeddingGenerator</c>, <c>UseLocalEmbeddings</c>, <c>UseOpenAI</c>). Without one of
    /// those, it is the host's own unkeyed generator if one is registered, else the built-in hashing generator.
    /// </summary>
    public const string EmbeddingGenerator = "AgentMemory";
}
