namespace AgentMemory;

// Plugs any Microsoft.Extensions.AI chat client or embedding generator into AgentMemory.
public sealed partial class AgentMemoryBuilder
{
    /// <summary>
    /// Uses <paramref name="chatClient"/> for AgentMemory's model work (extraction, reconciliation, query expansion).
    /// It is registered as a keyed service (<see cref="AgentMemoryServiceKeys.ChatClient"/>), so it never replaces the
    /// host's own <see cref="IChatClient"/>.
    /// </summary>
    /// <param name="chatClient">The chat client (not disposed by the container).</param>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder UseChatClient(IChatClient chatClient)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        Services.RemoveAllKeyed<IChatClient>(AgentMemoryServiceKeys.ChatClient);
        Services.AddKeyedSingleton(AgentMemoryServiceKeys.ChatClient, chatClient);
        return this;
    }

    /// <summary>Uses the chat client <paramref name="factory"/> creates (once, as a singleton) for AgentMemory's model work.</summary>
    /// <param name="factory">Creates the chat client from the container.</param>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder UseChatClient(Func<IServiceProvider, IChatClient> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAllKeyed<IChatClient>(AgentMemoryServiceKeys.ChatClient);
        Services.AddKeyedSingleton<IChatClient>(AgentMemoryServiceKeys.ChatClient, (sp, _) => factory(sp));
        return this;
    }

    /// <summary>
    /// Uses <paramref name="generator"/> for memory and query vectors instead of the local hashing generator. It is
    /// registered as a keyed service (<see cref="AgentMemoryServiceKeys.EmbeddingGenerator"/>), so it never replaces the
    /// host's own <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. Every
    /// memory of a store must come from the same model and dimension: changing it needs a re-embed
    /// (<c>IFormationPump.ReprocessAsync</c> after raising <see cref="FormationOptions.SchemaVersion"/>) or a new store.
    /// </summary>
    /// <param name="generator">The embedding generator (not disposed by the container).</param>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder UseEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        Services.AddKeyedSingleton(AgentMemoryServiceKeys.EmbeddingGenerator, generator);
        return this;
    }

    /// <summary>Uses the embedding generator <paramref name="factory"/> creates (once, as a singleton).</summary>
    /// <param name="factory">Creates the generator from the container.</param>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder UseEmbeddingGenerator(Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        Services.AddKeyedSingleton(AgentMemoryServiceKeys.EmbeddingGenerator, (sp, _) => factory(sp));
        return this;
    }
}
