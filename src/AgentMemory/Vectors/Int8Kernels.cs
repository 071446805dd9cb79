using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentMemory.Vectors;

/// <summary>
/// Symmetric per-vector int8 quantisation and SIMD int8 dot products. Codes lie in [-127, 127] and rows are padded with
/// zeros to <see cref="Stride"/> (a multiple of 32 bytes), so the kernels never run a tail. On AVX2 the kernel uses
/// the sign trick (|x| × sign(x)·q through <c>vpmaddubsw</c>, then <c>vpmaddwd</c> into int32 lanes; a pair sum is at
/// most 2 × 127² and cannot saturate); elsewhere a portable <see cref="Vector128"/> widening kernel, else scalar.
/// </summary>
internal static class Int8Kernels
{
    /// <summary>The padded byte length of a quantised row of <paramref name="dimension"/> elements.</summary>
    public static int Stride(int dimension) => (dimension + 31) & ~31;

    /// <summary>
    /// Quantises <paramref name="source"/> into <paramref name="destination"/> (at least as long; extra bytes are zeroed)
    /// with one scale for the whole vector, and returns that scale: <c>source[i] ≈ destination[i] × scale</c>.
    /// </summary>
    public static float Quantize(ReadOnlySpan<float> source, Span<sbyte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(destination));
        }

        var maxAbs = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(source);
        maxAbs = MathF.Abs(maxAbs);
        destination[source.Length..].Clear();
        if (maxAbs == 0f || !float.IsFinite(maxAbs))
        {
            destination[..source.Length].Clear();
            return 0f;
        }

        var inverse = 127f / maxAbs;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(MathF.Round(source[i] * inverse), -127f, 127f);
        }

        return maxAbs / 127f;
    }

    /// <summary>The integer dot product of two quantised rows of equal length (a multiple of 32 for the SIMD paths).</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The rows differ in length.", nameof(b));
        }

        if (a.Length % 32 != 0)
        {
            return DotScalar(a, b);
        }

        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        if (Avx2.IsSupported)
        {
            return DotAvx2(ref ra, ref rb, a.Length);
        }

        return Vector128.IsHardwareAccelerated ? DotVector128(ref ra, ref rb, a.Length) : DotScalar(a, b);
    }

    /// <summary>
    /// Writes the integer dot product of <paramref name="query"/> (one padded row of <paramref name="stride"/> bytes) with
    /// each of the first <paramref name="scores"/>.Length rows of <paramref name="rows"/> into <paramref name="scores"/>.
    /// </summary>
    public static void DotRows(ReadOnlySpan<sbyte> query, ReadOnlySpan<sbyte> rows, int stride, Span<int> scores)
    {
        if (stride <= 0 || stride % 32 != 0 || query.Length != stride)
        {
            throw new ArgumentException("The stride must be a positive multiple of 32 and equal the query length.", nameof(stride));
        }

        if ((long)scores.Length * stride > rows.Length)
        {
            throw new ArgumentException("Fewer rows than scores were given.", nameof(rows));
        }

        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(rows);
        if (Avx2.IsSupported)
        {
            DotRowsAvx2(ref q, ref r, stride, scores);
            return;
        }

        var v128 = Vector128.IsHardwareAccelerated;
        for (var row = 0; row < scores.Length; row++)
        {
            ref var current = ref Unsafe.Add(ref r, (nint)row * stride);
            scores[row] = v128 ? DotVector128(ref q, ref current, stride) : DotScalar(query, rows.Slice(row * stride, stride));
        }
    }

    /// <summary>
    /// Rows one after another (one sequential stream), each row's lanes kept in a vector and four rows' lanes reduced
    /// together with two <c>vphaddd</c> rounds instead of four separate horizontal sums. Integer sums are exact, so
    /// the scores equal <see cref="DotAvx2"/> row by row.
    /// </summary>
    private static void DotRowsAvx2(ref sbyte q, ref sbyte r, int stride, Span<int> scores)
    {
        ref var s = ref MemoryMarshal.GetReference(scores);
        var count = scores.Length;
        var row = 0;
        for (; row + 4 <= count; row += 4)
        {
            ref var r0 = ref Unsafe.Add(ref r, (nint)row * stride);
            var a0 = LanesAvx2(ref q, ref r0, stride);
            var a1 = LanesAvx2(ref q, ref Unsafe.Add(ref r0, stride), stride);
            var a2 = LanesAvx2(ref q, ref Unsafe.Add(ref r0, 2 * stride), stride);
            var a3 = LanesAvx2(ref q, ref Unsafe.Add(ref r0, 3 * stride), stride);
            var h = Avx2.HorizontalAdd(Avx2.HorizontalAdd(a0, a1), Avx2.HorizontalAdd(a2, a3));
            (h.GetLower() + h.GetUpper()).StoreUnsafe(ref Unsafe.Add(ref s, row));
        }

        for (; row < count; row++)
        {
            Unsafe.Add(ref s, row) = Vector256.Sum(LanesAvx2(ref q, ref Unsafe.Add(ref r, (nint)row * stride), stride));
        }
    }

    /// <summary>
    /// Writes <c>dots[i] × scales[i]</c> (int to float, then one float multiply: the same result as the scalar
    /// expression) into <paramref name="scores"/> and returns the largest, or negative infinity when empty.
    /// </summary>
    internal static float Scale(ReadOnlySpan<int> dots, ReadOnlySpan<float> scales, Span<float> scores)
    {
        var n = dots.Length;
        var max = float.NegativeInfinity;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<int>.Count)
        {
            ref var d = ref MemoryMarshal.GetReference(dots);
            ref var s = ref MemoryMarshal.GetReference(scales);
            ref var o = ref MemoryMarshal.GetReference(scores);
            var best = Vector256.Create(float.NegativeInfinity);
            for (; i + Vector256<int>.Count <= n; i += Vector256<int>.Count)
            {
                var v = Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref d, (nuint)i)) * Vector256.LoadUnsafe(ref s, (nuint)i);
                v.StoreUnsafe(ref o, (nuint)i);
                best = Vector256.Max(best, v);
            }

            for (var lane = 0; lane < Vector256<float>.Count; lane++)
            {
                max = Math.Max(max, best[lane]);
            }
        }

        for (; i < n; i++)
        {
            scores[i] = dots[i] * scales[i];
            max = Math.Max(max, scores[i]);
        }

        return max;
    }

    /// <summary>The scalar reference for <see cref="Dot"/>.</summary>
    public static int DotScalar(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>The AVX2 kernel (exposed for tests); <paramref name="length"/> is a multiple of 32.</summary>
    internal static int DotAvx2(ref sbyte q, ref sbyte x, int length) => Vector256.Sum(LanesAvx2(ref q, ref x, length));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> LanesAvx2(ref sbyte q, ref sbyte x, int length)
    {
        var ones = Vector256.Create((short)1);
        var acc0 = Vector256<int>.Zero;
        var acc1 = Vector256<int>.Zero;
        nuint i = 0;
        var n = (nuint)length;
        for (; i + 64 <= n; i += 64)
        {
            var x0 = Vector256.LoadUnsafe(ref x, i);
            var x1 = Vector256.LoadUnsafe(ref x, i + 32);
            var p0 = Avx2.MultiplyAddAdjacent(Avx2.Abs(x0), Avx2.Sign(Vector256.LoadUnsafe(ref q, i), x0));
            var p1 = Avx2.MultiplyAddAdjacent(Avx2.Abs(x1), Avx2.Sign(Vector256.LoadUnsafe(ref q, i + 32), x1));
            acc0 += Avx2.MultiplyAddAdjacent(p0, ones);
            acc1 += Avx2.MultiplyAddAdjacent(p1, ones);
        }

        if (i < n)
        {
            var x0 = Vector256.LoadUnsafe(ref x, i);
            var p0 = Avx2.MultiplyAddAdjacent(Avx2.Abs(x0), Avx2.Sign(Vector256.LoadUnsafe(ref q, i), x0));
            acc0 += Avx2.MultiplyAddAdjacent(p0, ones);
        }

        return acc0 + acc1;
    }

    /// <summary>The portable kernel (exposed for tests); <paramref name="length"/> is a multiple of 16.</summary>
    internal static int DotVector128(ref sbyte q, ref sbyte x, int length)
    {
        var acc = Vector128<int>.Zero;
        for (nuint i = 0; i < (nuint)length; i += 16)
        {
            var (xl, xh) = Vector128.Widen(Vector128.LoadUnsafe(ref x, i));
            var (ql, qh) = Vector128.Widen(Vector128.LoadUnsafe(ref q, i));

            // Each product is at most 127², so the sum of two still fits in a short.
            var p = (xl * ql) + (xh * qh);
            var (pl, ph) = Vector128.Widen(p);
            acc += pl + ph;
        }

        return Vector128.Sum(acc);
    }
}
