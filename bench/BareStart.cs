using System.Diagnostics;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The physical limits: how long the runtime and the OS take to start a thread, a task and the worker
/// process, measured from the call that starts it to the first instruction of its body.
/// </summary>
internal static class BareStart
{
    public static TimeSpan NewThread()
    {
        long ran = 0;
        var start = Stopwatch.GetTimestamp();
        var thread = new Thread(() => ran = Stopwatch.GetTimestamp());
        thread.Start();
        thread.Join();
        return Stopwatch.GetElapsedTime(start, ran);
    }

    /// <summary>Must be called from a thread outside the pool, as the demo does: a pool thread could inline the task in Wait.</summary>
    public static TimeSpan TaskRun()
    {
        long ran = 0;
        var start = Stopwatch.GetTimestamp();
        Task.Run(() => ran = Stopwatch.GetTimestamp()).Wait();
        return Stopwatch.GetElapsedTime(start, ran);
    }

    /// <summary>
    /// Starts the worker with no arguments: its Main writes an error to stderr at once and exits, so the first
    /// line read marks the moment its Main ran. It gets the pipes and runtime settings a demo gives its workers, so the
    /// difference between this and the demo is the Engine's own work.
    /// </summary>
    public static TimeSpan WorkerProcess()
    {
        var info = new ProcessStartInfo(WorkerLocation.Host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(WorkerLocation.Assembly);
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + new RunLimits().WorkerMemoryBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DOTNET_gcConcurrent"] = "0";

        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The worker did not start.");
        var line = process.StandardError.ReadLine();
        var elapsed = Stopwatch.GetElapsedTime(start);
        process.WaitForExit();
        return line is null ? throw new InvalidOperationException("The worker wrote nothing to stderr.") : elapsed;
    }
}
