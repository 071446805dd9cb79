using System.Numerics.Tensors;

namespace AgentMemory.Vectors;

/// <summary>Validation and normalisation of embedding vectors, on <see cref="TensorPrimitives"/>.</summary>
public static class VectorMath
{
    /// <summary>Throws <see cref="InvalidMemoryException"/> unless every element is finite and the vector is not all zeros.</summary>
    public static void Validate(ReadOnlySpan<float> vector, string? paramName = null)
    {
        if (vector.IsEmpty)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, "The vector is empty.", paramName);
        }

        for (var i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new InvalidMemoryException(MemoryValidationError.NonFiniteVector, $"The vector holds a non-finite value at index {i}.", paramName);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm == 0f || !float.IsFinite(norm))
        {
            throw new InvalidMemoryException(MemoryValidationError.ZeroVector, "The vector is all zeros (or its norm overflows) and cannot be normalised.", paramName);
        }
    }

    /// <summary>Writes the L2-normalised <paramref name="source"/> into <paramref name="destination"/> (which may be the same span).</summary>
    /// <exception cref="InvalidMemoryException">The vector is zero, or holds NaN or infinity.</exception>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        Validate(source);
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        var norm = TensorPrimitives.Norm(source);
        TensorPrimitives.Divide(source, norm, destination);
    }

    /// <summary>Returns a new L2-normalised copy of <paramref name="source"/>.</summary>
    /// <exception cref="InvalidMemoryException">The vector is zero, or holds NaN or infinity.</exception>
    public static float[] Normalize(ReadOnlySpan<float> source)
    {
        var result = new float[source.Length];
        Normalize(source, result);
        return result;
    }

    /// <summary>Whether the vector has unit length within <paramref name="tolerance"/>.</summary>
    public static bool IsNormalized(ReadOnlySpan<float> vector, float tolerance = 1e-3f)
        => MathF.Abs(TensorPrimitives.Norm(vector) - 1f) <= tolerance;
}
