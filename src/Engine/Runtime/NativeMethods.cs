using System.Runtime.InteropServices;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>The few Linux calls the runtime needs: real thread ids and cores, process groups, limits.</summary>
internal static partial class NativeMethods
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    private const int PrSetPdeathsig = 1;
    private const int RlimitData = 2;

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

    /// <summary>Makes the calling process the leader of a new process group, so its descendants can be killed together.</summary>
    public static void BecomeProcessGroupLeader() => setpgid(0, 0);

    /// <summary>Asks the kernel to kill this process when the thread that started it exits.</summary>
    public static void DieWithParent() => prctl(PrSetPdeathsig, SigKill, 0, 0, 0);

    /// <summary>Sends a signal to a whole process group; false when no process is left in it.</summary>
    public static bool SignalGroup(int groupId, int signal) => kill(-groupId, signal) == 0;

    /// <summary>Sends a signal to one process; false when it is gone.</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>The parent process id.</summary>
    public static int ParentProcessId() => getppid();

    /// <summary>
    /// Caps the writable private memory of this process (RLIMIT_DATA, soft limit) at <paramref name="bytes"/>.
    /// RLIMIT_DATA rather than RLIMIT_AS: the .NET runtime reserves gigabytes of address space it never
    /// touches, and only committed (writable) memory should count. Children inherit the cap.
    /// </summary>
    public static bool LimitWritableMemory(ulong bytes)
    {
        if (getrlimit(RlimitData, out var limit) != 0)
        {
            return false;
        }

        limit.Current = Math.Min(bytes, limit.Maximum);
        return setrlimit(RlimitData, ref limit) == 0;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int gettid();

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int sched_getcpu();

    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    private static partial int setpgid(int pid, int pgid);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int getppid();

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int setrlimit(int resource, ref RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
