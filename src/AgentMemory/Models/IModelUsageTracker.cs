namespace AgentMemory.Models;

/// <summary>
/// Counts the tokens of every model call AgentMemory makes, per scope and operation. In-memory, per container (a
/// singleton). The same calls are measured, without scopes, on the <c>gen_ai.client.token.usage</c> histogram of the
/// <c>AgentMemory</c> meter (<see cref="Telemetry.AgentMemoryTelemetry.GenAiTokenUsage"/>).
/// </summary>
public interface IModelUsageTracker
{
    /// <summary>Records one model call's usage.</summary>
    /// <param name="scope">The scope the call was made for (null when unknown, e.g. an embedding call).</param>
    /// <param name="operation">The operation: <c>extract</c>, <c>reconcile</c>, <c>expand_query</c>, <c>embeddings</c>…</param>
    /// <param name="inputTokens">Input tokens, when the model reported them.</param>
    /// <param name="outputTokens">Output tokens, when the model reported them.</param>
    void Record(MemoryScope? scope, string operation, long? inputTokens, long? outputTokens);

    /// <summary>The usage of the calls made for <paramref name="scope"/> and the scopes within it (a user's sessions).</summary>
    ModelUsage GetUsage(MemoryScope scope);

    /// <summary>The usage of the calls of one operation made for <paramref name="scope"/> and the scopes within it.</summary>
    ModelUsage GetUsage(MemoryScope scope, string operation);

    /// <summary>The usage of every call recorded, scoped or not.</summary>
    ModelUsage GetTotal();
}
