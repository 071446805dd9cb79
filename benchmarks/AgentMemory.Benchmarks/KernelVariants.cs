using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentMemory.Benchmarks;

/// <summary>Experimental float kernel shapes (dimension a multiple of 32), for <c>kernels --variants</c>.</summary>
internal static unsafe class KernelVariants
{
    public static void PerRow4(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        var pf = prefetchBytes / sizeof(float);
        for (var row = 0; row < n; row++)
        {
            var r = rows + ((nint)row * dim);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 32)
            {
                if (pf > 0)
                {
                    Sse.Prefetch0(r + i + pf);
                    Sse.Prefetch0(r + i + pf + 16);
                }

                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r + i), Avx.LoadVector256(q + i), a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 8), Avx.LoadVector256(q + i + 8), a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 16), Avx.LoadVector256(q + i + 16), a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 24), Avx.LoadVector256(q + i + 24), a3);
            }

            scores[row] = Vector256.Sum((a0 + a1) + (a2 + a3));
        }
    }

    public static void PerRow2(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        for (var row = 0; row < n; row++)
        {
            var r = rows + ((nint)row * dim);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 16)
            {
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r + i), Avx.LoadVector256(q + i), a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 8), Avx.LoadVector256(q + i + 8), a1);
            }

            scores[row] = Vector256.Sum(a0 + a1);
        }
    }

    public static void PerRow8(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        for (var row = 0; row < n; row++)
        {
            var r = rows + ((nint)row * dim);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            var a4 = Vector256<float>.Zero;
            var a5 = Vector256<float>.Zero;
            var a6 = Vector256<float>.Zero;
            var a7 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 64)
            {
                if (prefetchBytes > 0)
                {
                    var p = r + i + (prefetchBytes / sizeof(float));
                    Sse.PrefetchNonTemporal(p);
                    Sse.PrefetchNonTemporal(p + 16);
                    Sse.PrefetchNonTemporal(p + 32);
                    Sse.PrefetchNonTemporal(p + 48);
                }

                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r + i), Avx.LoadVector256(q + i), a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 8), Avx.LoadVector256(q + i + 8), a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 16), Avx.LoadVector256(q + i + 16), a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 24), Avx.LoadVector256(q + i + 24), a3);
                a4 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 32), Avx.LoadVector256(q + i + 32), a4);
                a5 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 40), Avx.LoadVector256(q + i + 40), a5);
                a6 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 48), Avx.LoadVector256(q + i + 48), a6);
                a7 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 56), Avx.LoadVector256(q + i + 56), a7);
            }

            scores[row] = Vector256.Sum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
        }
    }

    public static void PerRow4Nta(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        var pf = prefetchBytes / sizeof(float);
        for (var row = 0; row < n; row++)
        {
            var r = rows + ((nint)row * dim);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 32)
            {
                Sse.PrefetchNonTemporal(r + i + pf);
                Sse.PrefetchNonTemporal(r + i + pf + 16);
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r + i), Avx.LoadVector256(q + i), a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 8), Avx.LoadVector256(q + i + 8), a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 16), Avx.LoadVector256(q + i + 16), a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(r + i + 24), Avx.LoadVector256(q + i + 24), a3);
            }

            scores[row] = Vector256.Sum((a0 + a1) + (a2 + a3));
        }
    }

    public static void Dot2(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        var pf = prefetchBytes / sizeof(float);
        for (var row = 0; row + 2 <= n; row += 2)
        {
            var r0 = rows + ((nint)row * dim);
            var r1 = r0 + dim;
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var b0 = Vector256<float>.Zero;
            var b1 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 16)
            {
                if (pf > 0)
                {
                    Sse.Prefetch0(r0 + i + pf);
                    Sse.Prefetch0(r1 + i + pf);
                }

                var q0 = Avx.LoadVector256(q + i);
                var q1 = Avx.LoadVector256(q + i + 8);
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r0 + i), q0, a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r0 + i + 8), q1, a1);
                b0 = Fma.MultiplyAdd(Avx.LoadVector256(r1 + i), q0, b0);
                b1 = Fma.MultiplyAdd(Avx.LoadVector256(r1 + i + 8), q1, b1);
            }

            scores[row] = Vector256.Sum(a0 + a1);
            scores[row + 1] = Vector256.Sum(b0 + b1);
        }
    }

    public static void Dot4(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes)
    {
        var pf = prefetchBytes / sizeof(float);
        for (var row = 0; row + 4 <= n; row += 4)
        {
            var r0 = rows + ((nint)row * dim);
            var r1 = r0 + dim;
            var r2 = r1 + dim;
            var r3 = r2 + dim;
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            for (var i = 0; i < dim; i += 16)
            {
                if (pf > 0)
                {
                    Sse.Prefetch0(r0 + i + pf);
                    Sse.Prefetch0(r1 + i + pf);
                    Sse.Prefetch0(r2 + i + pf);
                    Sse.Prefetch0(r3 + i + pf);
                }

                var q0 = Avx.LoadVector256(q + i);
                var q1 = Avx.LoadVector256(q + i + 8);
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r0 + i), q0, a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r1 + i), q0, a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(r2 + i), q0, a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(r3 + i), q0, a3);
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(r0 + i + 8), q1, a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(r1 + i + 8), q1, a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(r2 + i + 8), q1, a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(r3 + i + 8), q1, a3);
            }

            scores[row] = Vector256.Sum(a0);
            scores[row + 1] = Vector256.Sum(a1);
            scores[row + 2] = Vector256.Sum(a2);
            scores[row + 3] = Vector256.Sum(a3);
        }
    }

    /// <summary>Sequential read with software prefetch, to see whether prefetch lifts the reference itself.</summary>
    public static float SumPrefetch(float* data, long n, int prefetchBytes)
    {
        var pf = prefetchBytes / sizeof(float);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        long i = 0;
        for (; i + 32 <= n; i += 32)
        {
            Sse.Prefetch0(data + i + pf);
            Sse.Prefetch0(data + i + pf + 16);
            a0 += Avx.LoadVector256(data + i);
            a1 += Avx.LoadVector256(data + i + 8);
            a2 += Avx.LoadVector256(data + i + 16);
            a3 += Avx.LoadVector256(data + i + 24);
        }

        return Vector256.Sum((a0 + a1) + (a2 + a3));
    }

    public delegate void Kernel(float* q, float* rows, int n, int dim, float* scores, int prefetchBytes);

    /// <summary>The variants as named actions over the given buffers.</summary>
    public static List<(string Name, Action Run)> Build(float[] rows, float[] query, float[] scores, int n, int dim)
    {
        var list = new List<(string Name, Action Run)>();
        (string, Kernel, int)[] shapes =
        [
            ("per row, 4 acc", PerRow4, 0),
            ("per row, 8 acc", PerRow8, 0),
            ("per row, 8 acc, prefetchNTA 1 KiB", PerRow8, 1024),
            ("per row, 8 acc, prefetchNTA 3 KiB", PerRow8, 3072),
            ("per row, 4 acc, prefetch 1 KiB", PerRow4, 1024),
            ("per row, 4 acc, prefetchNTA 1 KiB", PerRow4Nta, 1024),
        ];
        foreach (var (name, kernel, prefetch) in shapes)
        {
            list.Add((name, () =>
            {
                fixed (float* r = rows)
                fixed (float* q = query)
                fixed (float* s = scores)
                {
                    for (var row = 0; row < n; row += 64)
                    {
                        kernel(q, r + ((nint)row * dim), Math.Min(64, n - row), dim, s + row, prefetch);
                    }
                }
            }));
        }

        foreach (var prefetch in new[] { 1024 })
        {
            list.Add(($"sequential read, prefetch {prefetch} B", () =>
            {
                fixed (float* r = rows)
                {
                    _ = SumPrefetch(r, rows.LongLength, prefetch);
                }
            }));
        }

        return list;
    }
}
