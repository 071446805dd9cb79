using AgentMemory.Lexical;
using Microsoft.Extensions.AI;

namespace AgentMemory.Tests.Retrieval;

/// <summary>A deterministic test embedder: hashed bag of analysed terms (or empty vectors when disabled).</summary>
internal sealed class WordHashEmbedder(bool enabled) : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 64;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var v = new float[enabled ? Dimensions : 0];
            if (enabled)
            {
                foreach (var term in TextAnalyzer.Default.Analyze(text))
                {
                    var h = 17;
                    foreach (var c in term)
                    {
                        h = unchecked((h * 31) + c);
                    }

                    v[(h & int.MaxValue) % Dimensions] += 1;
                }

                var norm = MathF.Sqrt(v.Sum(x => x * x));
                for (var i = 0; i < v.Length && norm > 0; i++)
                {
                    v[i] /= norm;
                }
            }

            result.Add(new Embedding<float>(v));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
