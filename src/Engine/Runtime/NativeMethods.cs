using System.Runtime.InteropServices;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>The real ids the OS gives a thread, where the OS tells them.</summary>
internal static partial class NativeMethods
{
    /// <summary>The OS thread id of the calling thread (gettid), or null off Linux.</summary>
    public static int? CurrentThreadId() => OperatingSystem.IsLinux() ? gettid() : null;

    /// <summary>The core the calling thread runs on right now (sched_getcpu), or null where unknown.</summary>
    public static int? CurrentCore()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var core = sched_getcpu();
        return core >= 0 ? core : null;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int gettid();

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int sched_getcpu();
}
