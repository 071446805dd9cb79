using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentMemory.Vectors;

/// <summary>
/// SIMD scoring kernels over row-major float32 matrices. Rows are scored one after another, each as a single sequential
/// stream with eight 256-bit accumulators (measured faster than four interleaved rows with one accumulator each, which
/// split the read into four streams: see benchmarks/AgentMemory.Benchmarks/RESULTS.md), then 8-float steps, then a
/// masked overlapping load for the remainder, so no scalar tail runs for dimensions of at least 8. A row's score does
/// not depend on how many rows are scored together, so every caller (exact scan, re-scoring, parallel scan, batch)
/// agrees exactly.
/// </summary>
internal static class VectorKernels
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

        ref var s = ref MemoryMarshal.GetReference(scores);
        for (; row < count; row++)
        {
            Unsafe.Add(ref s, row) = Dot1(ref q, ref Unsafe.Add(ref r, (nint)row * dimension), dimension);
        }
    }

    /// <summary>
    /// Writes the dot product of <paramref name="query"/> with each of the <see cref="BlockedRows.Rows"/> rows of one
    /// block of the blocked layout (<see cref="BlockedRows"/>) into <paramref name="scores"/>. Each dimension's query
    /// value is broadcast once and multiplied into four 8-row accumulators; even and odd dimensions go to two sets of
    /// accumulators (so consecutive FMAs do not wait on each other), summed at the end. The scalar path does the same
    /// operations lane by lane, so both give identical scores.
    /// </summary>
    /// <remarks>
    /// Compiled fully optimised on first use: tier-0 code of this loop runs many times slower, and a store's first few
    /// hundred recalls would otherwise run it before the tiered JIT catches up.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void DotBlock(ReadOnlySpan<float> query, ReadOnlySpan<float> block, Span<float> scores)
    {
        const int Rows = BlockedRows.Rows;
        var dimension = query.Length;
        if (block.Length != Rows * dimension || scores.Length < Rows)
        {
            throw new ArgumentException("The block or the scores do not fit the query's dimension.", nameof(block));
        }

        if (!Vector256.IsHardwareAccelerated)
        {
            DotBlockScalar(query, block, scores);
            return;
        }

        ref var q = ref MemoryMarshal.GetReference(query);
        ref var b = ref MemoryMarshal.GetReference(block);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        var c0 = Vector256<float>.Zero;
        var c1 = Vector256<float>.Zero;
        var c2 = Vector256<float>.Zero;
        var c3 = Vector256<float>.Zero;
        nuint d = 0;
        var n = (nuint)dimension;
        for (; d + 2 <= n; d += 2)
        {
            ref var values = ref Unsafe.Add(ref b, d * Rows);
            var even = Vector256.Create(Unsafe.Add(ref q, d));
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 0), even, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 8), even, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 16), even, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 24), even, a3);
            var odd = Vector256.Create(Unsafe.Add(ref q, d + 1));
            c0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 32), odd, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 40), odd, c1);
            c2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 48), odd, c2);
            c3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 56), odd, c3);
        }

        if (d < n)
        {
            ref var values = ref Unsafe.Add(ref b, d * Rows);
            var last = Vector256.Create(Unsafe.Add(ref q, d));
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 0), last, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 8), last, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 16), last, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref values, 24), last, a3);
        }

        ref var s = ref MemoryMarshal.GetReference(scores);
        (a0 + c0).StoreUnsafe(ref s, 0);
        (a1 + c1).StoreUnsafe(ref s, 8);
        (a2 + c2).StoreUnsafe(ref s, 16);
        (a3 + c3).StoreUnsafe(ref s, 24);
    }

    /// <summary><see cref="DotBlock"/> one lane at a time, with the same fused operations in the same order.</summary>
    internal static void DotBlockScalar(ReadOnlySpan<float> query, ReadOnlySpan<float> block, Span<float> scores)
    {
        const int Rows = BlockedRows.Rows;
        for (var row = 0; row < Rows; row++)
        {
            var even = 0f;
            var odd = 0f;
            var d = 0;
            for (; d + 2 <= query.Length; d += 2)
            {
                even = MathF.FusedMultiplyAdd(block[(d * Rows) + row], query[d], even);
                odd = MathF.FusedMultiplyAdd(block[((d + 1) * Rows) + row], query[d + 1], odd);
            }

            if (d < query.Length)
            {
                even = MathF.FusedMultiplyAdd(block[(d * Rows) + row], query[d], even);
            }

            scores[row] = even + odd;
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

    /// <summary>
    /// One row's dot product: eight independent 256-bit accumulators over 64 floats per step (one sequential stream
    /// that the hardware prefetcher follows, enough loads in flight to keep the memory system busy), then 8-float
    /// steps into the first accumulator, then a masked overlapping load for the tail, summed in a fixed order.
    /// </summary>
    private static float Dot1(ref float q, ref float r, int dimension)
    {
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        var a4 = Vector256<float>.Zero;
        var a5 = Vector256<float>.Zero;
        var a6 = Vector256<float>.Zero;
        var a7 = Vector256<float>.Zero;
        nuint i = 0;
        var n = (nuint)dimension;
        for (; i + 64 <= n; i += 64)
        {
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i), Vector256.LoadUnsafe(ref q, i), a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 8), Vector256.LoadUnsafe(ref q, i + 8), a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 16), Vector256.LoadUnsafe(ref q, i + 16), a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 24), Vector256.LoadUnsafe(ref q, i + 24), a3);
            a4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 32), Vector256.LoadUnsafe(ref q, i + 32), a4);
            a5 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 40), Vector256.LoadUnsafe(ref q, i + 40), a5);
            a6 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 48), Vector256.LoadUnsafe(ref q, i + 48), a6);
            a7 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i + 56), Vector256.LoadUnsafe(ref q, i + 56), a7);
        }

        for (; i + (nuint)Vector256<float>.Count <= n; i += (nuint)Vector256<float>.Count)
        {
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, i), Vector256.LoadUnsafe(ref q, i), a0);
        }

        if (i < n)
        {
            var last = n - (nuint)Vector256<float>.Count;
            var qv = Vector256.LoadUnsafe(ref q, last) & TailMask(dimension);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, last), qv, a0);
        }

        return Vector256.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
    }
}
