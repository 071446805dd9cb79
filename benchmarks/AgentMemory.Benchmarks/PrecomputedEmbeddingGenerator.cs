using Microsoft.Extensions.AI;

namespace AgentMemory.Benchmarks;

/// <summary>
/// An embedding generator that returns vectors computed before the timed loop (a dictionary look-up), so a recall
/// benchmark measures the library's own time and not an embedding model's. Unknown texts throw: nothing is embedded
/// while timing.
/// </summary>
internal sealed class PrecomputedEmbeddingGenerator(IReadOnlyDictionary<string, float[]> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            result.Add(new Embedding<float>(vectors.TryGetValue(value, out var v) ? v : throw new InvalidOperationException($"No precomputed vector for '{value}'.")));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType is not null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
