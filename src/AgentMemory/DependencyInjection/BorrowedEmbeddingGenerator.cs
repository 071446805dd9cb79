namespace AgentMemory.DependencyInjection;

/// <summary>
/// The host's own unkeyed embedding generator, lent to AgentMemory's keyed registration when no <c>Use*</c> method chose
/// one: the container disposes this wrapper, never the generator the host registered (and owns).
/// </summary>
internal sealed class BorrowedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _inner;

    public BorrowedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) => _inner = inner;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        => _inner.GenerateAsync(values, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(BorrowedEmbeddingGenerator) ? this : _inner.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // Not ours to dispose: the host registered (and owns) the generator.
    }
}
