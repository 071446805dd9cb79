using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentMemory.Benchmarks;

/// <summary>Experimental int8 kernel shapes (stride a multiple of 64), for <c>kernels --variants</c>.</summary>
internal static unsafe class Int8Variants
{
    /// <summary>Four rows per pass, the query loaded once per step, the four sums reduced together.</summary>
    public static void Dot4(sbyte* q, sbyte* rows, int n, int stride, int* scores)
    {
        var ones = Vector256.Create((short)1);
        var row = 0;
        for (; row + 4 <= n; row += 4)
        {
            var r0 = rows + ((nint)row * stride);
            var r1 = r0 + stride;
            var r2 = r1 + stride;
            var r3 = r2 + stride;
            var a0 = Vector256<int>.Zero;
            var a1 = Vector256<int>.Zero;
            var a2 = Vector256<int>.Zero;
            var a3 = Vector256<int>.Zero;
            for (var i = 0; i < stride; i += 32)
            {
                var qv = Avx.LoadVector256(q + i);
                a0 += Step(Avx.LoadVector256(r0 + i), qv, ones);
                a1 += Step(Avx.LoadVector256(r1 + i), qv, ones);
                a2 += Step(Avx.LoadVector256(r2 + i), qv, ones);
                a3 += Step(Avx.LoadVector256(r3 + i), qv, ones);
            }

            // hadd twice leaves per-128-bit-lane partial sums of the four rows; add the two lanes.
            var h = Avx2.HorizontalAdd(Avx2.HorizontalAdd(a0, a1), Avx2.HorizontalAdd(a2, a3));
            var s = h.GetLower() + h.GetUpper();
            Sse2.Store(scores + row, s);
        }

        for (; row < n; row++)
        {
            scores[row] = Dot1(q, rows + ((nint)row * stride), stride, ones);
        }
    }

    /// <summary>One row at a time, four accumulators.</summary>
    public static void PerRow(sbyte* q, sbyte* rows, int n, int stride, int* scores)
    {
        var ones = Vector256.Create((short)1);
        for (var row = 0; row < n; row++)
        {
            scores[row] = Dot1(q, rows + ((nint)row * stride), stride, ones);
        }
    }

    private static int Dot1(sbyte* q, sbyte* r, int stride, Vector256<short> ones)
    {
        var a0 = Vector256<int>.Zero;
        var a1 = Vector256<int>.Zero;
        for (var i = 0; i < stride; i += 64)
        {
            a0 += Step(Avx.LoadVector256(r + i), Avx.LoadVector256(q + i), ones);
            a1 += Step(Avx.LoadVector256(r + i + 32), Avx.LoadVector256(q + i + 32), ones);
        }

        return Vector256.Sum(a0 + a1);
    }

    private static Vector256<int> Step(Vector256<sbyte> x, Vector256<sbyte> q, Vector256<short> ones)
        => Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(x), Avx2.Sign(q, x)), ones);

    public static List<(string Name, Action Run)> Build(sbyte[] codes, int n, int stride, int[] scores)
    {
        var list = new List<(string Name, Action Run)>();
        foreach (var (name, four) in new[] { ("int8 variant: per row, 2 acc (int8 GB/s)", false), ("int8 variant: 4 rows, joint reduction (int8 GB/s)", true) })
        {
            list.Add((name, () =>
            {
                fixed (sbyte* c = codes)
                fixed (int* s = scores)
                {
                    for (var row = 0; row < n; row += 64)
                    {
                        var count = Math.Min(64, n - row);
                        if (four)
                        {
                            Dot4(c, c + ((nint)row * stride), count, stride, s + row);
                        }
                        else
                        {
                            PerRow(c, c + ((nint)row * stride), count, stride, s + row);
                        }
                    }
                }
            }));
        }

        return list;
    }
}
