using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentMemory.Vectors;

/// <summary>
/// The int8 scan over codes in the blocked layout (<see cref="BlockedRows"/>, one element = four codes): per group of
/// four dimensions the block holds 32 rows × 4 bytes (128 bytes, four 256-bit vectors). The query's group is broadcast
/// once for the four vectors; on AVX2 each vector is one <c>vpsignb</c> (the row's codes with the query's signs),
/// one <c>vpmaddubsw</c> against the query's magnitudes (a pair sum is at most 2 × 127² and cannot saturate), one
/// <c>vpmaddwd</c> into int32 and one add, with no horizontal sums. Integer sums are exact, so every path gives the
/// same dots as <see cref="Int8Kernels.DotScalar"/>.
/// </summary>
internal static class Int8BlockKernel
{
    /// <summary>The length of a prepared query for codes of <paramref name="stride"/> bytes: two ints per group of four.</summary>
    public static int PreparedLength(int stride) => stride / 2;

    /// <summary>
    /// Prepares a quantised query (<paramref name="codes"/> in [-127, 127], a multiple of four long, as
    /// <see cref="Int8Kernels.Quantize"/> writes them) for <see cref="DotBlock"/>: its groups of four codes as ints,
    /// then the groups of their magnitudes.
    /// </summary>
    public static void Prepare(ReadOnlySpan<sbyte> codes, Span<int> prepared)
    {
        var groups = codes.Length / 4;
        if (codes.Length % 4 != 0 || prepared.Length != 2 * groups)
        {
            throw new ArgumentException("The prepared query must hold two ints per group of four codes.", nameof(prepared));
        }

        MemoryMarshal.Cast<sbyte, int>(codes).CopyTo(prepared);
        var magnitudes = MemoryMarshal.Cast<int, sbyte>(prepared.Slice(groups, groups));
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] == sbyte.MinValue)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), "Query codes lie in [-127, 127].");
            }

            magnitudes[i] = (sbyte)Math.Abs(codes[i]);
        }
    }

    /// <summary>
    /// Writes the integer dot product of the prepared query with each of the <see cref="BlockedRows.Rows"/> rows of one
    /// block of codes into <paramref name="dots"/>.
    /// </summary>
    public static void DotBlock(ReadOnlySpan<int> prepared, ReadOnlySpan<int> block, Span<int> dots)
    {
        var groups = prepared.Length / 2;
        if (prepared.Length % 2 != 0 || block.Length != BlockedRows.Rows * groups || dots.Length < BlockedRows.Rows)
        {
            throw new ArgumentException("The block or the dots do not fit the prepared query.", nameof(block));
        }

        if (Avx2.IsSupported)
        {
            DotBlockAvx2(prepared, block, dots, groups);
            return;
        }

        DotBlockScalar(prepared, block, dots);
    }

    /// <summary>The portable path of <see cref="DotBlock"/>, one row and one code at a time.</summary>
    internal static void DotBlockScalar(ReadOnlySpan<int> prepared, ReadOnlySpan<int> block, Span<int> dots)
    {
        var groups = prepared.Length / 2;
        var query = MemoryMarshal.Cast<int, sbyte>(prepared[..groups]);
        var codes = MemoryMarshal.Cast<int, sbyte>(block);
        for (var row = 0; row < BlockedRows.Rows; row++)
        {
            var sum = 0;
            for (var g = 0; g < groups; g++)
            {
                var at = ((g * BlockedRows.Rows) + row) * 4;
                for (var j = 0; j < 4; j++)
                {
                    sum += codes[at + j] * query[(g * 4) + j];
                }
            }

            dots[row] = sum;
        }
    }

    /// <summary>Compiled fully optimised on first use (see <see cref="VectorKernels"/>' DotBlock).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotBlockAvx2(ReadOnlySpan<int> prepared, ReadOnlySpan<int> block, Span<int> dots, int groups)
    {
        ref var signs = ref MemoryMarshal.GetReference(prepared);
        ref var magnitudes = ref Unsafe.Add(ref signs, groups);
        ref var codes = ref Unsafe.As<int, sbyte>(ref MemoryMarshal.GetReference(block));
        var ones = Vector256.Create((short)1);
        var s0 = Vector256<int>.Zero;
        var s1 = Vector256<int>.Zero;
        var s2 = Vector256<int>.Zero;
        var s3 = Vector256<int>.Zero;
        for (nuint g = 0; g < (nuint)groups; g++)
        {
            ref var group = ref Unsafe.Add(ref codes, g * (BlockedRows.Rows * 4));
            var sign = Vector256.Create(Unsafe.Add(ref signs, g)).AsSByte();
            var magnitude = Vector256.Create(Unsafe.Add(ref magnitudes, g)).AsByte();
            s0 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Vector256.LoadUnsafe(ref group, 0), sign)), ones);
            s1 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Vector256.LoadUnsafe(ref group, 32), sign)), ones);
            s2 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Vector256.LoadUnsafe(ref group, 64), sign)), ones);
            s3 += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(magnitude, Avx2.Sign(Vector256.LoadUnsafe(ref group, 96), sign)), ones);
        }

        ref var d = ref MemoryMarshal.GetReference(dots);
        s0.StoreUnsafe(ref d, 0);
        s1.StoreUnsafe(ref d, 8);
        s2.StoreUnsafe(ref d, 16);
        s3.StoreUnsafe(ref d, 24);
    }
}
