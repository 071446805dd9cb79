using AgentMemory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Plugs any Microsoft.Extensions.AI chat client or embedding generator into AgentMemory.</summary>
public static class ModelAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Uses <paramref name="chatClient"/> for AgentMemory's model work (extraction, reconciliation, query expansion).
    /// It is registered as a keyed service (<see cref="AgentMemoryServiceKeys.ChatClient"/>), so it never replaces the
    /// host's own <see cref="IChatClient"/>.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="chatClient">The chat client (not disposed by the container).</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseChatClient(this AgentMemoryBuilder builder, IChatClient chatClient)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(chatClient);
        builder.Services.RemoveAllKeyed<IChatClient>(AgentMemoryServiceKeys.ChatClient);
        builder.Services.AddKeyedSingleton(AgentMemoryServiceKeys.ChatClient, chatClient);
        return builder;
    }

    /// <summary>Uses the chat client <paramref name="factory"/> creates (once, as a singleton) for AgentMemory's model work.</summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="factory">Creates the chat client from the container.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseChatClient(this AgentMemoryBuilder builder, Func<IServiceProvider, IChatClient> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IChatClient>(AgentMemoryServiceKeys.ChatClient);
        builder.Services.AddKeyedSingleton<IChatClient>(AgentMemoryServiceKeys.ChatClient, (sp, _) => factory(sp));
        return builder;
    }

    /// <summary>
    /// Uses <paramref name="generator"/> for memory and query vectors instead of the local hashing generator. It is
    /// registered as a keyed service (<see cref="AgentMemoryServiceKeys.EmbeddingGenerator"/>), so it never replaces the
    /// host's own <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. Every
    /// memory of a store must come from the same model and dimension: changing it needs a re-embed
    /// (<c>IFormationPump.ReprocessAsync</c> after raising <see cref="FormationOptions.SchemaVersion"/>) or a new store.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="generator">The embedding generator (not disposed by the container).</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseEmbeddingGenerator(this AgentMemoryBuilder builder, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(generator);
        builder.Services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        builder.Services.AddKeyedSingleton(AgentMemoryServiceKeys.EmbeddingGenerator, generator);
        return builder;
    }

    /// <summary>Uses the embedding generator <paramref name="factory"/> creates (once, as a singleton).</summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="factory">Creates the generator from the container.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseEmbeddingGenerator(this AgentMemoryBuilder builder, Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        builder.Services.AddKeyedSingleton(AgentMemoryServiceKeys.EmbeddingGenerator, (sp, _) => factory(sp));
        return builder;
    }
}
