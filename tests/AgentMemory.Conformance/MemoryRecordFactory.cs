namespace AgentMemory.Conformance;

/// <summary>Builds records and deterministic test vectors for the conformance suite.</summary>
public static class MemoryRecordFactory
{
    /// <summary>A new record (fresh id, creation time left for the store to set).</summary>
    public static MemoryRecord Create(MemoryScope scope, string text, float[]? embedding = null, MemoryKind kind = MemoryKind.Semantic, Guid? id = null)
        => new()
        {
            Id = id ?? Guid.NewGuid(),
            Scope = scope,
            Kind = kind,
            Text = text,
            Embedding = embedding ?? ReadOnlyMemory<float>.Empty,
        };

    /// <summary>The unit vector along <paramref name="axis"/>.</summary>
    public static float[] Axis(int dimension, int axis)
    {
        var v = new float[dimension];
        v[axis % dimension] = 1f;
        return v;
    }

    /// <summary>A vector between two axes: cos(angle to <paramref name="axis"/>) falls as <paramref name="weight"/> grows.</summary>
    public static float[] Toward(int dimension, int axis, int other, float weight)
    {
        var v = new float[dimension];
        v[axis % dimension] = 1f;
        v[other % dimension] += weight;
        return v;
    }

    /// <summary>A deterministic pseudo-random non-zero vector.</summary>
    public static float[] Random(int dimension, int seed)
    {
        var rng = new Random(seed);
        var v = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            v[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        v[0] += 0.01f;
        return v;
    }

    /// <summary>The cosine similarity of two vectors (scalar reference).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return dot / (Math.Sqrt(na) * Math.Sqrt(nb));
    }
}
