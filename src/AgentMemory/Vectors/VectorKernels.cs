using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentMemory.Vectors;

/// <summary>
/// SIMD scoring kernels over row-major float32 matrices. Rows are scored four at a time (one accumulator per row, the
/// query chunk loaded once per pass) with the widest accelerated vector first, then one narrower step, then a masked
/// overlapping load for the remainder, so no scalar tail runs for dimensions of at least 8. A row's score does not
/// depend on how many rows are scored together, so every caller (exact scan, re-scoring, parallel scan) agrees exactly.
/// </summary>
public static class VectorKernels
{
    /// <summary>The dot product of <paramref name="a"/> and <paramref name="b"/>, by the same arithmetic as <see cref="DotRows"/>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        Span<float> score = stackalloc float[1];
        DotRows(a, b, a.Length, score);
        return score[0];
    }

    /// <summary>
    /// Writes the dot product of <paramref name="query"/> with each of the first <paramref name="scores"/>.Length rows of
    /// <paramref name="rows"/> (row-major, <paramref name="dimension"/> floats per row) into <paramref name="scores"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The query is not <paramref name="dimension"/> long or the rows are too short.</exception>
    public static void DotRows(ReadOnlySpan<float> query, ReadOnlySpan<float> rows, int dimension, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (query.Length != dimension)
        {
            throw new ArgumentException("The query length differs from the dimension.", nameof(query));
        }

        if ((long)scores.Length * dimension > rows.Length)
        {
            throw new ArgumentException("Fewer rows than scores were given.", nameof(rows));
        }

        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(rows);
        var count = scores.Length;
        var row = 0;
        if (dimension < Vector256<float>.Count || !Vector256.IsHardwareAccelerated)
        {
            for (; row < count; row++)
            {
                scores[row] = TensorPrimitives.Dot(query, rows.Slice(row * dimension, dimension));
            }

            return;
        }

        for (; row + 4 <= count; row += 4)
        {
            Dot4(ref q, ref Unsafe.Add(ref r, (nint)row * dimension), dimension, scores.Slice(row, 4));
        }

        for (; row < count; row++)
        {
            scores[row] = Dot1(ref q, ref Unsafe.Add(ref r, (nint)row * dimension), dimension);
        }
    }

    /// <summary>A plain scalar dot product (the reference the SIMD kernels are tested against).</summary>
    public static float DotScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TailMask(int dimension)
    {
        // The last full vector starts at dimension - 8; only its last (dimension % 8) lanes are new.
        var skip = Vector256<float>.Count - (dimension % Vector256<float>.Count);
        return Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(skip)).AsSingle();
    }

    private static void Dot4(ref float q, ref float r0, int dimension, Span<float> scores)
    {
        ref var r1 = ref Unsafe.Add(ref r0, dimension);
        ref var r2 = ref Unsafe.Add(ref r1, dimension);
        ref var r3 = ref Unsafe.Add(ref r2, dimension);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        nuint i = 0;
        var n = (nuint)dimension;
        if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<float>.Count)
        {
            var b0 = Vector512<float>.Zero;
            var b1 = Vector512<float>.Zero;
            var b2 = Vector512<float>.Zero;
            var b3 = Vector512<float>.Zero;
            for (; i + (nuint)Vector512<float>.Count <= n; i += (nuint)Vector512<float>.Count)
            {
                var qv = Vector512.LoadUnsafe(ref q, i);
                b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r0, i), qv, b0);
                b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r1, i), qv, b1);
                b2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r2, i), qv, b2);
                b3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r3, i), qv, b3);
            }

            a0 = b0.GetLower() + b0.GetUpper();
            a1 = b1.GetLower() + b1.GetUpper();
            a2 = b2.GetLower() + b2.GetUpper();
            a3 = b3.GetLower() + b3.GetUpper();
        }

        for (; i + (nuint)Vector256<float>.Count <= n; i += (nuint)Vector256<float>.Count)
        {
            var qv = Vector256.LoadUnsafe(ref q, i);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, i), qv, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, i), qv, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, i), qv, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, i), qv, a3);
        }

        if (i < n)
        {
            var last = n - (nuint)Vector256<float>.Count;
            var qv = Vector256.LoadUnsafe(ref q, last) & TailMask(dimension);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, last), qv, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r1, last), qv, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r2, last), qv, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r3, last), qv, a3);
        }

        scores[0] = Vector256.Sum(a0);
        scores[1] = Vector256.Sum(a1);
        scores[2] = Vector256.Sum(a2);
        scores[3] = Vector256.Sum(a3);
    }

    private static float Dot1(ref float q, ref float r0, int dimension)
    {
        var a0 = Vector256<float>.Zero;
        nuint i = 0;
        var n = (nuint)dimension;
        if (Vector512.IsHardwareAccelerated && n >= (nuint)Vector512<float>.Count)
        {
            var b0 = Vector512<float>.Zero;
            for (; i + (nuint)Vector512<float>.Count <= n; i += (nuint)Vector512<float>.Count)
            {
                b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r0, i), Vector512.LoadUnsafe(ref q, i), b0);
            }

            a0 = b0.GetLower() + b0.GetUpper();
        }

        for (; i + (nuint)Vector256<float>.Count <= n; i += (nuint)Vector256<float>.Count)
        {
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, i), Vector256.LoadUnsafe(ref q, i), a0);
        }

        if (i < n)
        {
            var last = n - (nuint)Vector256<float>.Count;
            var qv = Vector256.LoadUnsafe(ref q, last) & TailMask(dimension);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r0, last), qv, a0);
        }

        return Vector256.Sum(a0);
    }
}
