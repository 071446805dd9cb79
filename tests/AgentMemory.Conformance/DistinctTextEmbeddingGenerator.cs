using Microsoft.Extensions.AI;

namespace AgentMemory.Conformance;

/// <summary>
/// An embedding generator that gives each distinct text its own axis (in the order texts are first seen) and equal texts
/// the same one, so reconciliation outcomes do not depend on hash collisions; it counts its calls.
/// </summary>
public sealed class DistinctTextEmbeddingGenerator(int dimension) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Dictionary<string, int> _axes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _requests;
    private int _texts;

    /// <summary>How many times <see cref="GenerateAsync"/> was called.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many texts were asked for in all.</summary>
    public int Texts => Volatile.Read(ref _texts);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _requests);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        lock (_lock)
        {
            foreach (var value in values)
            {
                Interlocked.Increment(ref _texts);
                if (!_axes.TryGetValue(value, out var axis))
                {
                    axis = _axes.Count;
                    _axes[value] = axis;
                }

                result.Add(new Embedding<float>(MemoryRecordFactory.Axis(dimension, axis)));
            }
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
