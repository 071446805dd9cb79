using AgentMemory.Models;
using Microsoft.Extensions.AI;

namespace AgentMemory.OpenAI;

/// <summary>
/// Checks every vector an embedding generator returns: one per input, and all of the configured dimension (or, when
/// none is configured, of the dimension first seen). A mismatch is an <see cref="InvalidMemoryException"/> with
/// <see cref="MemoryValidationError.DimensionMismatch"/>, raised before anything is stored. Counts token usage in the
/// tracker (AgentMemory's instrumented generator measures it on the meter).
/// </summary>
internal sealed class DimensionCheckingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int? _dimensions;
    private readonly IModelUsageTracker _usage;
    private int _observed;

    public DimensionCheckingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int? dimensions, IModelUsageTracker usage)
        : base(inner)
    {
        _dimensions = dimensions;
        _usage = usage;
    }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values as IReadOnlyCollection<string> ?? values.ToList();
        var generated = await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
        _usage.Record(null, "embeddings", generated.Usage?.InputTokenCount, null);
        if (generated.Count != inputs.Count)
        {
            throw new ModelOutputException($"The embedding model returned {generated.Count} vectors for {inputs.Count} inputs.")
            {
                Component = "openai",
                Operation = "embeddings",
            };
        }

        var expected = options?.Dimensions ?? _dimensions;
        foreach (var embedding in generated)
        {
            var length = embedding.Vector.Length;
            var required = expected ?? (Volatile.Read(ref _observed) is > 0 and var seen ? seen : (int?)null);
            if (required is { } dims && length != dims)
            {
                throw new InvalidMemoryException(
                    MemoryValidationError.DimensionMismatch,
                    $"The embedding model returned a {length}-dimensional vector; {dims} dimensions were expected. Check the embedding model and the Dimensions option: every memory of a store must use the same model and dimension.");
            }

            Interlocked.CompareExchange(ref _observed, length, 0);
        }

        return generated;
    }
}
