namespace AgentMemory.Telemetry;

/// <summary>
/// Measures the embedding calls AgentMemory makes (memory texts, queries) under the OpenTelemetry GenAI conventions, on
/// AgentMemory's activity source and meter. Passes straight through when nobody listens.
/// </summary>
internal sealed class InstrumentedEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly string _purpose;
    private readonly EmbeddingGeneratorMetadata? _metadata;

    public InstrumentedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, AgentMemoryInstrumentation telemetry, string purpose)
        : base(inner)
    {
        _telemetry = telemetry;
        _purpose = purpose;
        _metadata = inner.GetService<EmbeddingGeneratorMetadata>();
    }

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        => _telemetry.ObservesModelCalls
            ? MeasuredAsync(values, options, cancellationToken)
            : base.GenerateAsync(values, options, cancellationToken);

    private async Task<GeneratedEmbeddings<Embedding<float>>> MeasuredAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var call = _telemetry.StartModelCall(SemanticConventions.Embeddings, _metadata?.ProviderName, options?.ModelId ?? _metadata?.DefaultModelId, _purpose);
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await base.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call?.Failed(ex);
            throw;
        }

        var responseModel = generated.Count > 0 ? generated[0].ModelId : null;
        call?.Succeeded(responseModel, generated.Usage?.InputTokenCount, null);
        return generated;
    }
}
