namespace AgentMemory.Embeddings;

/// <summary>The <see cref="IEmbeddingGenerator.GetService"/> answer of AgentMemory's own embedding generators.</summary>
internal static class EmbeddingGeneratorServices
{
    /// <summary>The generator's <paramref name="metadata"/>, or the <paramref name="generator"/> itself, for an unkeyed request of a type it is.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="serviceType"/> is null.</exception>
    public static object? Get(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(generator) ? generator
            : null;
    }
}
