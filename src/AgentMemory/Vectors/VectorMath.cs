using System.Numerics.Tensors;

namespace AgentMemory.Vectors;

/// <summary>Validation and normalisation of embedding vectors, on <see cref="TensorPrimitives"/>.</summary>
internal static class VectorMath
{
    /// <summary>Throws <see cref="InvalidMemoryException"/> unless every element is finite and the vector is not all zeros.</summary>
    public static void Validate(ReadOnlySpan<float> vector, string? paramName = null) => ValidatedNorm(vector, paramName);

    /// <summary>Writes the L2-normalised <paramref name="source"/> into <paramref name="destination"/> (which may be the same span).</summary>
    /// <exception cref="InvalidMemoryException">The vector is zero, or holds NaN or infinity.</exception>
    public static void Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        var norm = ValidatedNorm(source, null);
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

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

    /// <summary>
    /// The L2 norm of a valid vector. A NaN or infinite element makes the (SIMD) norm NaN or infinite, so a finite,
    /// non-zero norm proves every element finite and the element-by-element search runs only to name the bad one.
    /// </summary>
    private static float ValidatedNorm(ReadOnlySpan<float> vector, string? paramName)
    {
        if (vector.IsEmpty)
        {
            throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, "The vector is empty.", paramName);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm != 0f && float.IsFinite(norm))
        {
            return norm;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            if (!float.IsFinite(vector[i]))
            {
                throw new InvalidMemoryException(MemoryValidationError.NonFiniteVector, $"The vector holds a non-finite value at index {i}.", paramName);
            }
        }

        throw new InvalidMemoryException(MemoryValidationError.ZeroVector, "The vector is all zeros (or its norm overflows) and cannot be normalised.", paramName);
    }

    /// <summary>Whether the vector has unit length within <paramref name="tolerance"/>.</summary>
    public static bool IsNormalized(ReadOnlySpan<float> vector, float tolerance = 1e-3f)
        => MathF.Abs(TensorPrimitives.Norm(vector) - 1f) <= tolerance;
}
