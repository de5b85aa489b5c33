using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// Starts every worker process from one thread that lives as long as this process. Workers ask the
/// kernel to kill them when their parent dies (PR_SET_PDEATHSIG), and Linux takes "parent" to mean the
/// parent *thread*: a child started from a short-lived demo thread would die with that thread.
/// </summary>
internal static class ProcessLauncher
{
    // A run waiting for its process goes before a warm pool filling up.
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Result)> Urgent = [];
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Result)> Background = [];

    static ProcessLauncher()
    {
        new Thread(Serve) { Name = "process launcher", IsBackground = true }.Start();
    }

    /// <summary>Starts a worker on the launcher thread and returns once it runs.</summary>
    /// <param name="arguments">Its command line after the dotnet host.</param>
    /// <param name="runMarker">Its <see cref="WorkerProtocol.RunVariable"/>: the run's token, or a warm pool's marker.</param>
    /// <param name="memoryBytes">Its managed heap cap, fixed for the life of the process.</param>
    public static Process StartWorker(IEnumerable<string> arguments, string runMarker, long memoryBytes) =>
        Enqueue(Urgent, WorkerInfo(arguments, runMarker, memoryBytes)).GetAwaiter().GetResult();

    /// <summary>Like <see cref="StartWorker"/>, after every start a run is waiting for.</summary>
    public static Task<Process> StartWorkerInBackground(IEnumerable<string> arguments, string runMarker, long memoryBytes) =>
        Enqueue(Background, WorkerInfo(arguments, runMarker, memoryBytes));

    private static Task<Process> Enqueue(BlockingCollection<(ProcessStartInfo, TaskCompletionSource<Process>)> queue, ProcessStartInfo info)
    {
        var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add((info, result));
        return result.Task;
    }

    /// <summary>Pipes for stdin, stdout and stderr in UTF-8; the run markers; the runtime settings a worker must start with.</summary>
    private static ProcessStartInfo WorkerInfo(IEnumerable<string> arguments, string runMarker, long memoryBytes)
    {
        var info = new ProcessStartInfo(WorkerLocation.Host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[WorkerProtocol.RunVariable] = runMarker;
        info.Environment[WorkerProtocol.OwnerVariable] = Environment.GetEnvironmentVariable(WorkerProtocol.OwnerVariable)
            ?? Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + memoryBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcConcurrent"] = "0";
        return info;
    }

    private static void Serve()
    {
        BlockingCollection<(ProcessStartInfo, TaskCompletionSource<Process>)>[] queues = [Urgent, Background];
        while (true)
        {
            // TakeFromAny tries the queues in order, so a waiting run is served first.
            BlockingCollection<(ProcessStartInfo, TaskCompletionSource<Process>)>.TakeFromAny(queues, out var request);
            var (info, result) = request;
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
