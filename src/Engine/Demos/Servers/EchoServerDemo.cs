using System.Net;
using System.Net.Sockets;
using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Servers;

/// <summary>
/// A real TCP echo server on the loopback interface and N clients talking to it at once. Served one
/// thread per connection, every connection holds a thread that mostly waits for the network; served
/// with async I/O, a few pool threads take turns serving everyone.
/// </summary>
public sealed class EchoServerDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "echo-server",
        new("An echo server: threads vs async", "回显服务器：多线程与异步"),
        new(
            "Each connection is a lane that mostly waits for the network (I/O). With threads, every connection holds its own thread; with async, a few OS threads (the underline colours) serve them all.",
            "每个连接一条泳道，大部分时间都在等网络（I/O）。用多线程时，每个连接各占一个线程；用异步时，少数几个操作系统线程（下方细线的颜色）轮流为所有连接服务。"),
        [
            new("clients", new("Clients", "客户端数"), 1, 64, 16),
            new("messages", new("Messages per client", "每个客户端的消息数"), 1, 50, 5),
            new("think", new("Client pause between messages", "客户端两条消息之间的停顿"), 0, 100, 20, "ms"),
            DemoParameter.Choice("server", new("Server", "服务器"),
                [new("threads", new("a thread per connection", "每个连接一个线程")), new("async", new("async I/O", "异步 I/O"))]),
        ]);

    /// <inheritdoc />
    public async Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var clients = context.Parameters["clients"];
        var threaded = context.Parameters.Choice("server") == "threads";
        main.Print($"echo server listening on 127.0.0.1:{port}, serving with {(threaded ? "a thread per connection" : "async I/O")}");

        var serverThreads = new HashSet<int>();
        var handlers = new List<Lane>(); // filled by the acceptor; read once it has ended
        var acceptor = context.StartThread("acceptor", lane =>
        {
            for (var i = 1; i <= clients; i++)
            {
                lane.Enter(LaneState.Io, "accept");
                var connection = listener.AcceptTcpClient();
                lane.Enter(LaneState.Running);
                var name = $"conn {i}";
                var handler = threaded
                    ? context.StartThread(name, conn => ServeBlocking(conn, connection, serverThreads), lane)
                    : context.StartTask(name, conn => ServeAsync(conn, connection, serverThreads, context.Cancellation), lane);
                lane.Mark($"accepted {name}", handler);
                handlers.Add(handler);
            }
        });

        var latencies = new List<double>();
        var callers = Enumerable.Range(1, clients)
            .Select(i => context.StartTask($"client {i}", lane => TalkAsync(lane, port, context, latencies)))
            .ToList();
        callers.ForEach(main.Join);
        main.Join(acceptor);
        handlers.ForEach(main.Join); // each ends when its client hangs up; only then is the count of threads complete
        lock (latencies)
        {
            main.Print($"{latencies.Count} echoes, mean round trip {latencies.Average():0.00} ms, slowest {latencies.Max():0.00} ms");
        }

        lock (serverThreads)
        {
            main.Print($"{clients} connections were served by {serverThreads.Count} OS threads");
            context.Counter("server threads", serverThreads.Count);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static void ServeBlocking(Lane lane, TcpClient connection, HashSet<int> threads)
    {
        Note(threads);
        using var stream = connection.GetStream();
        var buffer = new byte[256];
        while (true)
        {
            lane.Enter(LaneState.Io, "recv"); // a blocked thread, waiting for bytes from the network
            var read = stream.Read(buffer);
            lane.Enter(LaneState.Running);
            if (read == 0)
            {
                return;
            }

            stream.Write(buffer.AsSpan(0, read));
        }
    }

    private static async Task ServeAsync(Lane lane, TcpClient connection, HashSet<int> threads, CancellationToken cancellation)
    {
        using var stream = connection.GetStream();
        var buffer = new byte[256];
        while (true)
        {
            Note(threads);
            lane.Enter(LaneState.Io, "recv"); // no thread waits here: the task is parked until bytes arrive
            var read = await stream.ReadAsync(buffer, cancellation).ConfigureAwait(false);
            lane.Enter(LaneState.Running);
            Note(threads);
            if (read == 0)
            {
                return;
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
        }
    }

    private static async Task TalkAsync(Lane lane, int port, DemoContext context, List<double> latencies)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, context.Cancellation).ConfigureAwait(false);
        using var stream = client.GetStream();
        var buffer = new byte[256];
        var think = TimeSpan.FromMilliseconds(context.Parameters["think"]);
        for (var i = 1; i <= context.Parameters["messages"]; i++)
        {
            var message = Encoding.UTF8.GetBytes($"{lane.Name} says hello #{i}");
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await stream.WriteAsync(message, context.Cancellation).ConfigureAwait(false);
            lane.Enter(LaneState.Io, "echo");
            var read = await stream.ReadAsync(buffer, context.Cancellation).ConfigureAwait(false);
            lane.Enter(LaneState.Running);
            lock (latencies)
            {
                latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            if (i == 1)
            {
                lane.Print($"{lane.Name} got back \"{Encoding.UTF8.GetString(buffer, 0, read)}\"");
            }

            await lane.DelayAsync(think).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the distinct OS threads that did server work.</summary>
    private static void Note(HashSet<int> threads)
    {
        lock (threads)
        {
            threads.Add(NativeProcess.CurrentThreadId);
        }
    }
}
