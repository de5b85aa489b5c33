using System.Diagnostics;
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
        var orders = new WorkerOrders(
            demo.Info.Id, Role, name, Role, Stopwatch.GetTimestamp(), ownerPid, 0, NewGroup: true, SurviveParent: false,
            new RunLimits(), new Dictionary<string, string>(), []);
        WorkerMain.Host(orders, demo, _ => Task.CompletedTask);
    }
}
