using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentMemory.Benchmarks;

/// <summary>Sequential read bandwidth: TensorPrimitives.Sum and a 4-accumulator load loop, on one thread or several.</summary>
internal static class ReadBandwidth
{
    /// <summary>
    /// One timed read of <paramref name="data"/>, in GB/s: by <see cref="SumOnce"/> (<paramref name="loop"/>) or by
    /// TensorPrimitives.Sum, timed by this thread's CPU clock or the wall clock.
    /// </summary>
    public static double MeasureOnce(ReadOnlySpan<float> data, bool loop, bool cpuClock)
    {
        var start = ThreadClock.Seconds(cpuClock);
        GC.KeepAlive(loop ? SumOnce(data) : TensorPrimitives.Sum(data));
        return data.Length * 4.0 / (ThreadClock.Seconds(cpuClock) - start) / 1e9;
    }

    /// <summary>
    /// Wall-clock read bandwidth of one pass of <see cref="SumOnce"/> over <paramref name="data"/> on this thread, and
    /// of <paramref name="threads"/> threads each summing a contiguous 1/<paramref name="threads"/> of it at the same
    /// time (started together, timed until the last finishes), in GB/s.
    /// </summary>
    public static (double OneThread, double Threads) MeasureThreads(float[] data, int threads)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(SumOnce(data));
        var one = data.Length * 4.0 / watch.Elapsed.TotalSeconds / 1e9;

        using var go = new ManualResetEventSlim(false);
        var workers = new Thread[threads - 1];
        for (var t = 1; t < threads; t++)
        {
            var part = t;
            workers[t - 1] = new Thread(() =>
            {
                go.Wait();
                GC.KeepAlive(SumOnce(Part(data, part, threads)));
            });
            workers[t - 1].Start();
        }

        Thread.Sleep(50);
        watch.Restart();
        go.Set();
        GC.KeepAlive(SumOnce(Part(data, 0, threads)));
        foreach (var worker in workers)
        {
            worker.Join();
        }

        return (one, data.Length * 4.0 / watch.Elapsed.TotalSeconds / 1e9);
    }

    private static ReadOnlySpan<float> Part(float[] data, int part, int parts)
    {
        var start = data.LongLength * part / parts / 32 * 32;
        var end = part + 1 == parts ? data.LongLength : data.LongLength * (part + 1) / parts / 32 * 32;
        return data.AsSpan((int)start, (int)(end - start));
    }

    /// <summary>Sums <paramref name="data"/> with four independent Vector256 accumulators.</summary>
    public static float SumOnce(ReadOnlySpan<float> data)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var n = (nuint)data.Length;
        nuint i = 0;
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        for (; i + 32 <= n; i += 32)
        {
            a0 += Vector256.LoadUnsafe(ref start, i);
            a1 += Vector256.LoadUnsafe(ref start, i + 8);
            a2 += Vector256.LoadUnsafe(ref start, i + 16);
            a3 += Vector256.LoadUnsafe(ref start, i + 24);
        }

        var sum = Vector256.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            sum += data[(int)i];
        }

        return sum;
    }
}
