namespace AgentMemory;

/// <summary>
/// Returned by <c>AddAgentMemory</c>: the place where a store and models are chosen
/// (<c>.UseInMemoryStore()</c>, <c>.UseSqlite(…)</c>, <c>.UseOpenAI(…)</c>, <c>.UseChatClient(…)</c>, …).
/// Each backend package adds its own <c>Use*</c> extension method to this type.
/// </summary>
public sealed partial class AgentMemoryBuilder
{
    /// <summary>Creates a builder over <paramref name="services"/>.</summary>
    public AgentMemoryBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The key under which AgentMemory registers its model services, so they never clash with the host's own: the
    /// <c>IChatClient</c> its model-backed extractor, reconciler, query expander and judge use (set by <c>UseChatClient</c>,
    /// <c>UseOpenAI</c>), and the <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> it embeds memories and
    /// queries with (set by <c>UseEmbeddingGenerator</c>, <c>UseLocalEmbeddings</c>, <c>UseOpenAI</c>; without one of
    /// those, the host's own unkeyed generator if one is registered, else the built-in hashing generator).
    /// Resolve them with <c>GetRequiredKeyedService&lt;IChatClient&gt;(AgentMemoryBuilder.ServiceKey)</c>.
    /// </summary>
    public const string ServiceKey = "AgentMemory";
}
