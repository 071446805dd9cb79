using AgentMemory;
using AgentMemory.DependencyInjection;
using AgentMemory.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs AgentMemory's embedding model in-process with ONNX Runtime (AgentMemory.Onnx).</summary>
public static class LocalEmbeddingsAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Uses a sentence-embedding model run in-process for memory and query vectors: by default all-MiniLM-L6-v2
    /// (384 dimensions, mean pooling, 256 tokens), whose weights ship inside this package, so nothing is downloaded and
    /// no key is needed. It becomes AgentMemory's keyed generator (<see cref="AgentMemoryBuilder.ServiceKey"/>), as
    /// <c>UseEmbeddingGenerator</c> does; the host's own <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> is left alone. The model loads once, on first use, in a singleton the container disposes.
    /// Every memory of a store must come from the same model: switching models needs a re-embed or a new store.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="configure">Configures another ONNX export (model and vocabulary paths), pooling, query/document
    /// prefixes, the token limit and threads.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Options are validated at start (<see cref="OptionsValidationException"/>); missing or unusable model
    /// files surface as <see cref="LocalEmbeddingModelException"/> when the model loads.</remarks>
    public static AgentMemoryBuilder UseLocalEmbeddings(this AgentMemoryBuilder builder, Action<LocalEmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidatedOptions<LocalEmbeddingOptions, LocalEmbeddingOptionsAnnotationsValidator, LocalEmbeddingOptionsValidator>(configure);
        services.TryAddSingleton<OnnxEmbeddingGenerator>();
        services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey);
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey, (sp, _) => sp.GetRequiredService<OnnxEmbeddingGenerator>());
        return builder;
    }
}
