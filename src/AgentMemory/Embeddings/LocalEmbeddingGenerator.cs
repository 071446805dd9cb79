using System.Numerics.Tensors;
using System.Text;
using AgentMemory.Lexical;

namespace AgentMemory.Embeddings;

/// <summary>
/// An offline, deterministic embedding generator: signed feature hashing of normalised words (stemmed, stop words
/// removed), word bigrams and character trigrams of each word, L2-normalised. It needs no model, no download and no
/// network, and gives the same vector for the same text on every machine and run (FNV-1a over UTF-8, not
/// <see cref="string.GetHashCode()"/>).
/// </summary>
/// <remarks>
/// This is a lexical-semantic fallback, not a neural model: texts that share words, word stems, word pairs or
/// spelling fragments ("vegetarian" / "vegetarians", "hike" / "hiking") are similar; synonyms that share no letters
/// ("car" / "automobile") are not. Plug in a real embedding model with <c>UseEmbeddingGenerator(…)</c> or
/// <c>UseOpenAI(…)</c> for paraphrase-level recall.
/// </remarks>
internal sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The default number of dimensions.</summary>
    public const int DefaultDimensions = 384;

    /// <summary>The model id reported in metadata and on each embedding.</summary>
    public const string ModelId = "agentmemory-local-hashing-v1";

    private const float WordWeight = 1.0f;
    private const float BigramWeight = 0.6f;
    private const float TrigramWeight = 0.35f;

    private readonly TextAnalyzer _analyzer;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator producing <paramref name="dimensions"/>-dimensional vectors.</summary>
    /// <param name="dimensions">The vector length (at least 32).</param>
    public LocalEmbeddingGenerator(int dimensions = DefaultDimensions)
        : this(dimensions, null)
    {
    }

    /// <param name="dimensions">The vector length (at least 32).</param>
    /// <param name="analyzer">The text analyzer producing word terms (default: <see cref="TextAnalyzer.Default"/>).</param>
    internal LocalEmbeddingGenerator(int dimensions, TextAnalyzer? analyzer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 32);
        Dimensions = dimensions;
        _analyzer = analyzer ?? TextAnalyzer.Default;
        _metadata = new EmbeddingGeneratorMetadata("agentmemory-local", null, ModelId, dimensions);
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new ArgumentException($"The local embedding generator produces {Dimensions} dimensions, not {requested}.", nameof(options));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously.</summary>
    /// <returns>An L2-normalised vector; for a text with no word at all, a fixed unit vector (never a zero vector).</returns>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        var terms = _analyzer.Analyze(text);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            Add(vector, "w:" + term, WordWeight);
            if (i + 1 < terms.Count)
            {
                Add(vector, "b:" + term + " " + terms[i + 1], BigramWeight);
            }

            var padded = "<" + term + ">";
            if (padded.Length > 4)
            {
                for (var j = 0; j + 3 <= padded.Length; j++)
                {
                    Add(vector, string.Concat("c:", padded.AsSpan(j, 3)), TrigramWeight);
                }
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0f)
        {
            // No terms (empty text or only stop words): a fixed, valid unit vector, so stores never see a zero vector.
            Add(vector, "empty", 1f);
            norm = TensorPrimitives.Norm(vector);
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => EmbeddingGeneratorServices.Get(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static void Add(float[] vector, string feature, float weight)
    {
        var hash = Fnv1a64(feature);
        var index = (int)(hash % (ulong)vector.Length);
        var sign = (hash >> 63) == 0 ? 1f : -1f;
        vector[index] += sign * weight;
    }

    /// <summary>64-bit FNV-1a over the UTF-8 bytes of <paramref name="text"/>, with a final avalanche mix.</summary>
    internal static ulong Fnv1a64(string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = max <= buffer.Length ? buffer : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, bytes);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes[..length])
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        // FNV's low bits mix poorly for short inputs; a murmur-style finaliser spreads them before the modulo.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
