using System.Runtime.InteropServices;

namespace ConcurrencyLab.Engine.Demos.Foundations;

/// <summary>
/// Two Linux calls the foundations demos need: pinning the calling thread to one core
/// (sched_setaffinity) and reading how much CPU time the calling thread has had (CLOCK_THREAD_CPUTIME_ID).
/// </summary>
internal static partial class CpuControl
{
    private const int ClockThreadCpuTime = 3;

    /// <summary>Room for 1,024 cores: the size of glibc's cpu_set_t.</summary>
    private const int MaskWords = 16;

    /// <summary>Allows the calling thread to run on <paramref name="core"/> only, from now until it ends.</summary>
    public static void PinCallingThread(int core)
    {
        var single = new ulong[MaskWords];
        single[core / 64] = 1UL << (core % 64);
        Check(sched_setaffinity(0, MaskWords * sizeof(ulong), single));
    }

    /// <summary>CPU time the calling thread has used so far: time it really ran on a core, not time it waited.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        Check(clock_gettime(ClockThreadCpuTime, out var now));
        return TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100);
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"A Linux scheduling call failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, ulong[] mask);

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
