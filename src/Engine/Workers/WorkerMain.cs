using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>The worker program: the code a process demo runs inside its child processes.</summary>
public static class WorkerMain
{
    private static readonly DemoCatalog Catalog = DemoCatalog.CreateDefault();

    /// <summary>
    /// Room the runtime keeps for itself once the managed heap is full: to compile the code that reports the
    /// failure and to say so. Without it, a full heap could leave the JIT no memory and the worker would
    /// die of a stack overflow instead of reporting that it ran out of memory.
    /// </summary>
    private const long RuntimeHeadroom = 32 << 20;

    /// <summary>Runs the worker with its command line; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        _ = Console.Out; // set up stdout now, so a demo's first write costs what a write costs
        try
        {
            return args is [WorkerProtocol.Warm, var owner, var memory]
                ? RunWarm(int.Parse(owner, NumberStyles.None, CultureInfo.InvariantCulture), long.Parse(memory, NumberStyles.None, CultureInfo.InvariantCulture))
                : RunCold(WorkerOrders.Parse(args));
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"worker: {ex.Message}");
            return WorkerProtocol.FailedExitCode;
        }
    }

    /// <summary>
    /// Runs <paramref name="entry"/> as the worker's main lane, reporting to the run; SIGTERM stops it, and what it
    /// started is killed after. Returns why it was stopped, if it was (read before the scope closes, which stops it too).
    /// </summary>
    internal static (RunStatus? StoppedFor, string? Detail) Host(WorkerOrders orders, IDemo demo, Func<DemoContext, Task> entry)
    {
        using var scope = new WorkerScope(orders, DemoParameters.Bind(demo.Info.Parameters, orders.Parameters));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            scope.Stop(RunStatus.Cancelled, "terminated");
        });
        var context = new DemoContext(scope);
        context.RunMain(entry);
        foreach (var child in context.Processes)
        {
            child.Kill();
        }

        return (scope.StoppedFor, scope.StopDetail);
    }

    private static int RunCold(WorkerOrders orders)
    {
        if (!Prepare(orders.NewGroup, orders.SurviveParent, orders.OwnerPid))
        {
            return WorkerProtocol.FailedExitCode;
        }

        LimitWritableMemory(orders.Limits.WorkerMemoryBytes);
        return Serve(orders);
    }

    /// <summary>
    /// A worker of a <see cref="WorkerPool"/>: prepared as every direct child of a run is (a group leader that dies
    /// with its parent), warmed up, then waiting on stdin for the orders of one run. The pool hands out workers
    /// only for runs whose orders fit what was fixed here.
    /// </summary>
    private static int RunWarm(int ownerPid, long memoryBytes)
    {
        if (!Prepare(newGroup: true, surviveParent: false, ownerPid))
        {
            return WorkerProtocol.FailedExitCode;
        }

        RunMarker marker;
        try
        {
            marker = RunMarker.Find();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"worker: cannot mark itself for a run: {ex.Message}");
            return WorkerProtocol.FailedExitCode;
        }

        WorkerWarmUp.Run(Catalog, ownerPid);
        LimitWritableMemory(memoryBytes);
        Console.Out.WriteLine(WorkerProtocol.Ready);
        if (WorkerOrders.Read(Console.OpenStandardInput()) is not { } orders)
        {
            return 0; // the pool let us go
        }

        if (orders.Limits.WorkerMemoryBytes != memoryBytes || orders.OwnerPid != ownerPid || !orders.NewGroup || orders.SurviveParent)
        {
            Console.Error.WriteLine("worker: these orders need a worker started for them.");
            return WorkerProtocol.FailedExitCode;
        }

        marker.Write(orders.Token);
        return Serve(orders);
    }

    /// <summary>Becomes a process-group leader if asked, and asks to die with its parent unless told to survive it.</summary>
    private static bool Prepare(bool newGroup, bool surviveParent, int ownerPid)
    {
        if (newGroup)
        {
            NativeMethods.BecomeProcessGroupLeader();
        }

        if (!surviveParent)
        {
            NativeMethods.DieWithParent();
            return NativeMethods.ParentProcessId() == ownerPid; // else the parent died before we could ask to die with it
        }

        return true;
    }

    private static int Serve(WorkerOrders orders)
    {
        if (Catalog.Find(orders.Demo) is not IProcessDemo demo)
        {
            Console.Error.WriteLine($"worker: '{orders.Demo}' is not a process demo.");
            return WorkerProtocol.FailedExitCode;
        }

        var exitCode = 0;
        var (stoppedFor, detail) = Host(orders, demo, c => RunChildAsync(demo, c, orders, code => exitCode = code));
        if (detail == DemoContext.OutOfMemory)
        {
            Console.Error.WriteLine($"worker: out of memory (limit {orders.Limits.WorkerMemoryBytes >> 20} MiB)");
            return WorkerProtocol.OutOfMemoryExitCode;
        }

        return stoppedFor is null ? exitCode : WorkerProtocol.FailedExitCode;
    }

    private static async Task RunChildAsync(IProcessDemo demo, DemoContext context, WorkerOrders orders, Action<int> setExitCode) =>
        setExitCode(await demo.RunChildAsync(context, orders.Role, orders.Arguments).ConfigureAwait(false));

    /// <summary>
    /// Writable memory may grow by the allowance, and <see cref="RuntimeHeadroom"/> more, beyond what the
    /// runtime committed at start. The managed heap has its own cap of the allowance (DOTNET_GCHeapHardLimit,
    /// set by the parent), so a demo that fills memory meets that cap first.
    /// </summary>
    private static void LimitWritableMemory(long allowance)
    {
        var status = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmData:", StringComparison.Ordinal));
        if (status is not null && long.TryParse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
        {
            NativeMethods.LimitWritableMemory((ulong)(kib * 1024 + allowance + RuntimeHeadroom));
        }
    }
}
