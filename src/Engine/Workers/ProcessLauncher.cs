using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// Starts every child process from one thread that lives as long as this process. Workers ask the
/// kernel to kill them when their parent dies (PR_SET_PDEATHSIG), and Linux takes "parent" to mean the
/// parent *thread*: a child started from a short-lived demo thread would die with that thread.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Result)> Requests = [];

    static ProcessLauncher()
    {
        new Thread(Serve) { Name = "process launcher", IsBackground = true }.Start();
    }

    /// <summary>Starts a process on the launcher thread.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, result));
        return result.Task.GetAwaiter().GetResult();
    }

    private static void Serve()
    {
        foreach (var (info, result) in Requests.GetConsumingEnumerable())
        {
            try
            {
                result.SetResult(Process.Start(info)!);
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        }
    }
}
