using AgentMemory.Embeddings;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Telemetry.Support;

/// <summary>An embedding generator standing in for a provider: the local hashing vectors, with usage, a model id and metadata.</summary>
public sealed class UsageReportingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string Provider = "fakeai";
    public const string RequestModel = "fake-embed";
    public const string ResponseModel = "fake-embed-v2";
    public const int InputTokensPerText = 7;

    private readonly LocalEmbeddingGenerator _inner = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new(Provider, null, RequestModel, LocalEmbeddingGenerator.DefaultDimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var generated = await _inner.GenerateAsync(values, options, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(generated.Select(e => new Embedding<float>(e.Vector) { ModelId = ResponseModel }))
        {
            Usage = new UsageDetails { InputTokenCount = InputTokensPerText * generated.Count },
        };
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _inner.Dispose();
}
