namespace AgentMemory;

/// <summary>Service keys AgentMemory uses, so its models do not clash with the host's own registrations.</summary>
public static class AgentMemoryServiceKeys
{
    /// <summary>The key of the <c>IChatClient</c> AgentMemory's model-backed extractor, reconciler and query expander use (set by <c>UseChatClient</c>).</summary>
    public const string ChatClient = "AgentMemory";
}
