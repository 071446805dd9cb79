using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentMemory.Benchmarks;

/// <summary>
/// The CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so single-thread figures on a shared,
/// oversubscribed machine count only the time this thread actually ran. Falls back to wall time elsewhere.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux();

    /// <summary>Seconds of this thread's CPU time (or wall time when unavailable).</summary>
    public static double Now()
    {
        if (IsCpuTime && NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return time.Seconds + (time.Nanoseconds / 1e9);
        }

        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    /// <summary>Seconds of this thread's CPU time when <paramref name="cpu"/> is set, otherwise of the wall clock.</summary>
    public static double Seconds(bool cpu) => cpu ? Now() : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clock, out TimeSpec time);
    }
}
