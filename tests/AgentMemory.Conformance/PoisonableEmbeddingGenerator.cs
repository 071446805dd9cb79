using Microsoft.Extensions.AI;

namespace AgentMemory.Conformance;

/// <summary>
/// A deterministic embedding generator (each text hashed onto a few axes) that can be switched to fail: NaN vectors
/// (a broken model) or an exception (a provider that is down), and back.
/// </summary>
public sealed class PoisonableEmbeddingGenerator(int dimension) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;

    /// <summary>How the generator fails, if at all.</summary>
    public PoisonMode Poison { get; set; }

    /// <summary>How many texts were asked for so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            Interlocked.Increment(ref _calls);
            switch (Poison)
            {
                case PoisonMode.Throws:
                    throw new InvalidOperationException("The embedding service is unavailable.");
                case PoisonMode.NaN:
                    result.Add(new Embedding<float>(Enumerable.Repeat(float.NaN, dimension).ToArray()));
                    break;
                default:
                    var vector = new float[dimension];
                    foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word.ToUpperInvariant()) % (uint)dimension)] += 1;
                    }

                    vector[0] += 0.5f; // never the zero vector
                    result.Add(new Embedding<float>(vector));
                    break;
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
