using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// What a warm worker does before it waits for orders: the first use of everything between its orders and its
/// first event (JSON, the event socket, the signal handler, lanes), which costs a cold worker most of its start.
/// It hosts a main lane that does nothing, reporting to a socket of its own that nobody reads.
/// </summary>
internal static class WorkerWarmUp
{
    private const string Role = "warm-up";

    public static void Run(DemoCatalog catalog, int ownerPid)
    {
        var demo = catalog.All.Select(info => catalog.Find(info.Id)).OfType<IProcessDemo>().First();

        // An abstract socket (Linux: the name starts with NUL) leaves no file behind, even when the worker is killed.
        var name = $"\0concurrency-lab-warm-up-{Environment.ProcessId}";
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(name));
        listener.Listen(1);
        // Through the same encoding and parsing as a run's orders, which then cost a run no compiling either (the
        // socket's name goes round it: orders are NUL-separated).
        var orders = WorkerOrders.Read(new MemoryStream(WorkerOrders.Encode(new WorkerOrders(
            demo.Info.Id, Role, Role, Role, Stopwatch.GetTimestamp(), ownerPid, 0, NewGroup: true, SurviveParent: false,
            new RunLimits(), demo.Info.Parameters.ToDictionary(p => p.Name, p => p.Default.ToString(CultureInfo.InvariantCulture)), []).ToArguments())))!
            with { Socket = name };
        WorkerMain.Host(orders, demo, _ => Task.CompletedTask);
    }
}
