using System.Runtime.InteropServices;
using System.Text;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>The worker program: the code a process demo runs inside its child processes.</summary>
public static class WorkerMain
{
    /// <summary>Runs the worker with its command line; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        _ = Console.Out; // set up stdout now, so a demo's first write costs what a write costs
        WorkerOrders orders;
        try
        {
            orders = WorkerOrders.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"worker: {ex.Message}");
            return WorkerProtocol.FailedExitCode;
        }

        if (orders.NewGroup)
        {
            NativeMethods.BecomeProcessGroupLeader();
        }

        if (!orders.SurviveParent)
        {
            NativeMethods.DieWithParent();
            if (NativeMethods.ParentProcessId() != orders.OwnerPid)
            {
                return WorkerProtocol.FailedExitCode; // the parent died before we could ask to die with it
            }
        }

        LimitWritableMemory(orders.Limits.WorkerMemoryBytes);
        if (DemoCatalog.CreateDefault().Find(orders.Demo) is not IProcessDemo demo)
        {
            Console.Error.WriteLine($"worker: '{orders.Demo}' is not a process demo.");
            return WorkerProtocol.FailedExitCode;
        }

        using var scope = new WorkerScope(orders, DemoParameters.Bind(demo.Info.Parameters, orders.Parameters));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            scope.Stop(Events.RunStatus.Cancelled, "terminated");
        });
        var context = new DemoContext(scope);
        var exitCode = 0;
        context.RunMain(c => RunChildAsync(demo, c, orders, code => exitCode = code));
        foreach (var child in context.Processes)
        {
            child.Kill();
        }

        if (scope.StopDetail == DemoContext.OutOfMemory)
        {
            Console.Error.WriteLine($"worker: out of memory (limit {orders.Limits.WorkerMemoryBytes >> 20} MiB)");
            return WorkerProtocol.OutOfMemoryExitCode;
        }

        return scope.StoppedFor is null ? exitCode : WorkerProtocol.FailedExitCode;
    }

    private static async Task RunChildAsync(IProcessDemo demo, DemoContext context, WorkerOrders orders, Action<int> setExitCode) =>
        setExitCode(await demo.RunChildAsync(context, orders.Role, orders.Arguments).ConfigureAwait(false));

    /// <summary>
    /// Writable memory may grow by the allowance beyond what the runtime committed at start. The managed
    /// heap has its own cap of the same size (DOTNET_GCHeapHardLimit, set by the parent).
    /// </summary>
    private static void LimitWritableMemory(long allowance)
    {
        var status = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmData:", StringComparison.Ordinal));
        if (status is not null && long.TryParse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
        {
            NativeMethods.LimitWritableMemory((ulong)(kib * 1024 + allowance));
        }
    }
}
