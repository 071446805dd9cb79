using AgentMemory.Vectors;

namespace AgentMemory.Pipeline;

/// <summary>
/// Embeds texts with AgentMemory's generator (the keyed <see cref="AgentMemoryServiceKeys.EmbeddingGenerator"/>
/// registration), measured under the GenAI conventions, checks the vectors and L2-normalises them.
/// </summary>
internal sealed class EmbeddingService
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly int? _declaredDimensions;
    private int _observedDimensions;

    public EmbeddingService(
        [FromKeyedServices(AgentMemoryServiceKeys.EmbeddingGenerator)] IEmbeddingGenerator<string, Embedding<float>> generator,
        AgentMemoryInstrumentation telemetry)
    {
        _generator = telemetry.Instrument(generator, "embed");
        _telemetry = telemetry;
        _declaredDimensions = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;
    }

    /// <summary>Embeds one memory text (sent with <see cref="EmbeddingPurpose.Document"/>).</summary>
    /// <exception cref="InvalidMemoryException">The generator returned no vector, a vector of the wrong dimension, or a non-finite or zero vector.</exception>
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
        => (await EmbedManyAsync([text], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Embeds memory texts in one call to the generator (sent with <see cref="EmbeddingPurpose.Document"/>), in order.</summary>
    /// <exception cref="InvalidMemoryException">The generator returned a vector of the wrong dimension, or a non-finite or zero vector.</exception>
    /// <exception cref="ModelOutputException">The generator returned a different number of vectors than texts.</exception>
    public async Task<float[][]> EmbedManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        using var activity = _telemetry.StartActivity("embed");
        activity?.SetTag("agentmemory.texts", texts.Count);
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await _generator.GenerateAsync(texts, EmbeddingPurpose.CreateOptions(EmbeddingPurpose.Document), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AgentMemoryInstrumentation.SetError(activity, ex);
            throw;
        }

        if (generated.Count != texts.Count)
        {
            throw new ModelOutputException($"The embedding generator returned {generated.Count} vectors for {texts.Count} texts.") { Component = "embeddings", Operation = "generate" };
        }

        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Check(generated[i].Vector.Span);
        }

        activity?.SetTag("gen_ai.embeddings.dimension.count", vectors[0].Length);
        return vectors;
    }

    private float[] Check(ReadOnlySpan<float> vector)
    {
        var expected = _declaredDimensions ?? (Volatile.Read(ref _observedDimensions) is var seen && seen > 0 ? seen : (int?)null);
        if (expected is { } dims && vector.Length != dims)
        {
            throw new InvalidMemoryException(
                MemoryValidationError.DimensionMismatch,
                $"The embedding generator returned a {vector.Length}-dimensional vector; {dims} dimensions were expected. Every memory of a store must use the same embedding model and dimension.",
                nameof(vector));
        }

        Interlocked.CompareExchange(ref _observedDimensions, vector.Length, 0);
        return VectorMath.Normalize(vector);
    }
}
