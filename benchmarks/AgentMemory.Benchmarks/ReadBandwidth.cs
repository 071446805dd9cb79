using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AgentMemory.Benchmarks;

/// <summary>Single-thread sequential read bandwidth: the best of TensorPrimitives.Sum and a 4-accumulator load loop.</summary>
internal static class ReadBandwidth
{
    /// <summary>Reads <paramref name="data"/> repeatedly for about <paramref name="duration"/>; returns the median pass in GB/s.</summary>
    public static double Measure(ReadOnlySpan<float> data, TimeSpan duration, bool cpuClock)
    {
        var passes = new List<double>();
        var sink = 0f;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration || passes.Count < 6)
        {
            var start = cpuClock ? ThreadClock.Now() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
            sink += passes.Count % 2 == 0 ? SumOnce(data) : TensorPrimitives.Sum(data);
            var end = cpuClock ? ThreadClock.Now() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
            passes.Add(data.Length * 4.0 / (end - start) / 1e9);
        }

        GC.KeepAlive(sink);

        // Report the better reader: the median of each reader's passes, whichever is higher.
        var loop = passes.Where((_, i) => i % 2 == 0).Order().ToList();
        var sum = passes.Where((_, i) => i % 2 == 1).Order().ToList();
        return Math.Max(loop[loop.Count / 2], sum[sum.Count / 2]);
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
