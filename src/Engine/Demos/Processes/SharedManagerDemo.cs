using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// A "manager": one server process owns a list; client processes append to it by sending messages over a
/// Unix domain socket, as Python's multiprocessing.Manager does. The list lives in exactly one memory, the
/// server's; a client holds only a proxy that turns "append" into a request and waits for the reply.
/// </summary>
public sealed class SharedManagerDemo : IProcessDemo
{
    private const string ServerRole = "server";
    private const string ClientRole = "client";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "shared-manager",
        new("A server process holds shared state", "由服务进程保管共享状态"),
        new(
            "Clients sit in io spans while the server's connection threads append for them; the server's last line lists every item once.",
            "客户端进程停在 io 区段里等回复，服务进程的连接线程替它们追加；服务进程最后一行列出所有条目，每条恰好一次。"),
        [
            new("clients", new("Client processes", "客户端进程数"), 1, 6, 3),
            new("items", new("Items per client", "每个客户端追加条数"), 1, 10, 4),
            new("pause", new("Pause between appends", "每次追加之间暂停"), 0, 300, 100, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "concurrency-lab")).FullName;
        var address = Path.Combine(directory, $"manager-{Guid.NewGuid():N}.sock");

        var server = context.StartProcess("server", ServerRole, [address]);
        var ready = server.ReadLine(main); // the server says when it listens, so no client connects too early
        main.Print($"parent: server says \"{ready}\"");

        var clients = Enumerable.Range(1, context.Parameters["clients"])
            .Select(i => context.StartProcess($"C{i}", ClientRole, [address, i.ToString(CultureInfo.InvariantCulture)]))
            .ToList();
        foreach (var client in clients)
        {
            client.WaitForExit(main);
        }

        // Closing the server's stdin is the shutdown signal; it prints the list and exits.
        server.CloseInput();
        while (server.ReadLine(main) is { } line)
        {
            main.Print($"parent: server says \"{line}\"");
        }

        main.Print($"parent: server exited with code {server.WaitForExit(main)}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments) =>
        Task.FromResult(role == ServerRole ? Serve(context, arguments[0]) : Append(context, arguments[0], arguments[1]));

    private static int Serve(DemoContext context, string address)
    {
        var main = context.Main;
        var list = new List<string>(); // the shared state: it exists only in this process
        var gate = new object();
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(address));
        listener.Listen(16);
        Console.WriteLine($"listening on {Path.GetFileName(address)}");

        // One thread per client connection, as Python's manager server does.
        var connections = new List<Lane>();
        var acceptor = context.StartThread("acceptor", lane =>
        {
            try
            {
                while (true)
                {
                    lane.Enter(LaneState.Io, "accept");
                    var connection = listener.Accept();
                    lane.Enter(LaneState.Running);
                    connections.Add(context.StartThread($"conn {connections.Count + 1}", c => Handle(context, c, connection, list, gate)));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                lane.Enter(LaneState.Running); // the listener was closed: no more clients
            }
        });

        using (var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8))
        {
            main.Enter(LaneState.Waiting, "shutdown (stdin closed)");
            while (stdin.ReadLine() is not null)
            {
            }

            main.Enter(LaneState.Running);
        }

        listener.Close();
        File.Delete(address);
        main.Join(acceptor);
        connections.ForEach(main.Join);
        lock (gate)
        {
            Console.WriteLine($"list has {list.Count} items: [{string.Join(", ", list)}]");
        }

        return 0;
    }

    /// <summary>Serves one client: each request line is "append x", each reply "ok n" with the list's new length.</summary>
    private static void Handle(DemoContext context, Lane lane, Socket connection, List<string> list, object gate)
    {
        using var stream = new NetworkStream(connection, ownsSocket: true);
        using var requests = new StreamReader(stream, Encoding.UTF8);
        using var replies = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        while (true)
        {
            lane.Enter(LaneState.Io, "read request");
            var request = requests.ReadLine();
            lane.Enter(LaneState.Running);
            if (request is null)
            {
                return; // the client hung up
            }

            int length;
            lock (gate)
            {
                list.Add(request["append ".Length..]);
                length = list.Count;
                context.Counter("list length", length);
            }

            replies.WriteLine($"ok {length}");
        }
    }

    private static int Append(DemoContext context, string address, string name)
    {
        var main = context.Main;
        using var shared = new ListProxy(main, address);
        var items = context.Parameters["items"];
        for (var i = 1; i <= items; i++)
        {
            main.Sleep(TimeSpan.FromMilliseconds(context.Parameters["pause"]));
            var item = $"C{name}-{i}";
            var length = shared.Append(item);
            Console.WriteLine($"C{name}: appended {item}; list length is now {length}");
        }

        return 0;
    }

    /// <summary>What a client holds instead of the list: a method call becomes a request and a reply.</summary>
    private sealed class ListProxy : IDisposable
    {
        private readonly Lane _lane;
        private readonly NetworkStream _stream;
        private readonly StreamReader _replies;
        private readonly StreamWriter _requests;

        public ListProxy(Lane lane, string address)
        {
            _lane = lane;
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(address));
            _stream = new NetworkStream(socket, ownsSocket: true);
            _replies = new StreamReader(_stream, Encoding.UTF8);
            _requests = new StreamWriter(_stream, new UTF8Encoding(false)) { AutoFlush = true };
        }

        public int Append(string item)
        {
            _requests.WriteLine("append " + item);
            _lane.Enter(LaneState.Io, "manager reply");
            var reply = _replies.ReadLine() ?? throw new IOException("The manager hung up.");
            _lane.Enter(LaneState.Running);
            return int.Parse(reply["ok ".Length..], CultureInfo.InvariantCulture);
        }

        public void Dispose() => _stream.Dispose();
    }
}
