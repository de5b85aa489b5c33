namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Real ids a demo may print: the OS thread running the caller, and this process's parent.</summary>
public static class NativeProcess
{
    /// <summary>The OS thread id (gettid) of the calling thread.</summary>
    public static int CurrentThreadId => NativeMethods.CurrentThreadId() ?? Environment.CurrentManagedThreadId;

    /// <summary>The parent process id (getppid).</summary>
    public static int ParentId => NativeMethods.ParentProcessId();
}
