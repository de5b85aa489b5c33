using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// The run's end of the worker protocol: a Unix socket every worker of the run (children and
/// grandchildren alike) connects to. Each worker numbers its lanes itself; the channel renumbers them
/// into the run's lane ids, so a grandchild can report even after its parent has exited.
/// </summary>
internal sealed class EventChannel : IDisposable
{
    private readonly IRunScope _scope;
    private readonly Socket _listener;
    private readonly ConcurrentDictionary<(int Pid, int Local), int> _lanes = new();
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly ConcurrentBag<Task> _readers = [];
    /// <summary>Each worker's stream, by pid: completes when everything it sent has been read.</summary>
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _streams = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly CancellationTokenSource _accepting = new();
    private readonly Task _acceptLoop;

    public EventChannel(IRunScope scope)
    {
        _scope = scope;
        Path = System.IO.Path.Combine(SocketDirectory, scope.Token + ".sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen(64);
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The socket's path, given to each worker.</summary>
    public string Path { get; }

    private static string SocketDirectory { get; } =
        Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "concurrency-lab")).FullName;

    /// <summary>
    /// Once every worker has exited, reads what they sent before they died: stops the accept loop (a connection it
    /// took is then being read), accepts what is still pending, and waits until every stream has reached its end,
    /// up to <paramref name="timeout"/>. A worker that lived only a few milliseconds may be gone before its connection
    /// was even accepted, so nothing here may go by whether the backlog looks empty.
    /// </summary>
    public void Drain(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        _accepting.Cancel();
        _acceptLoop.Wait(timeout);
        while (_listener.Poll(0, SelectMode.SelectRead))
        {
            Read(_listener.Accept());
        }

        var left = deadline - DateTime.UtcNow;
        Task.WaitAll([.. _readers], left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>
    /// Waits, after the worker with <paramref name="pid"/> has exited, until its stream has been read to the end.
    /// Every worker connects before it runs anything, so one that exited has a connection, accepted or still
    /// waiting to be; the wait is only bounded (two seconds, or until the channel is disposed) for a worker that
    /// died before it could connect.
    /// </summary>
    public void WaitForStreamOf(int pid) => StreamOf(pid).Task.Wait(TimeSpan.FromSeconds(2));

    /// <summary>Stops listening, drops every connection and removes the socket file.</summary>
    public void Dispose()
    {
        _accepting.Cancel();
        _closed.Cancel();
        _listener.Dispose();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        foreach (var stream in _streams.Values)
        {
            stream.TrySetResult();
        }

        File.Delete(Path);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                Read(await _listener.AcceptAsync(_accepting.Token).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private void Read(Socket connection)
    {
        _connections.Add(connection);
        _readers.Add(ReadAsync(connection));
    }

    private TaskCompletionSource StreamOf(int pid) => _streams.GetOrAdd(pid, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReadAsync(Socket connection)
    {
        TaskCompletionSource? stream = null;
        try
        {
            using var reader = new StreamReader(new NetworkStream(connection, ownsSocket: true), Encoding.UTF8);
            var hello = JsonSerializer.Deserialize<WorkerHello>(await reader.ReadLineAsync(_closed.Token).ConfigureAwait(false) ?? "", EventJson.Options);
            if (hello is null)
            {
                return;
            }

            stream = StreamOf(hello.Pid);

            _lanes[(hello.Pid, 0)] = Global(hello.OwnerPid, hello.OwnerLane);
            while (await reader.ReadLineAsync(_closed.Token).ConfigureAwait(false) is { } line)
            {
                if (JsonSerializer.Deserialize<RunEvent>(line, EventJson.Options) is { } e && Translate(e, hello.Pid) is { } translated)
                {
                    if (!_scope.Append(translated))
                    {
                        _scope.Stop(RunStatus.Truncated, $"event limit of {_scope.Limits.MaxEvents} reached");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or JsonException)
        {
            // A worker that dies mid-line or sends garbage ends its own stream, not the run.
        }
        finally
        {
            stream?.TrySetResult();
        }
    }

    /// <summary>The run's lane id for a worker's lane; the run's own lanes keep their ids.</summary>
    private int Global(int pid, int local) =>
        pid == Environment.ProcessId ? local : _lanes.GetOrAdd((pid, local), _ => _scope.NewLaneId());

    private RunEvent? Translate(RunEvent e, int pid)
    {
        int Map(int local) => Global(pid, local);
        switch (e)
        {
            case LaneEvent lane:
                return lane with { Lane = Map(lane.Lane), Parent = lane.Parent is { } parent ? Map(parent) : null };
            case StateEvent state:
                return state with { Lane = Map(state.Lane) };
            case OutputEvent output:
                return _scope.CountOutput(Encoding.UTF8.GetByteCount(output.Text) + 1) ? output with { Lane = Map(output.Lane) } : null;
            case MarkEvent mark:
                return mark with { Lane = Map(mark.Lane), Link = mark.Link is { } link ? Map(link) : null };
            case CpuEvent cpu:
                return cpu with { Lane = Map(cpu.Lane) };
            case CounterEvent counter:
                return counter;
            default:
                return null;
        }
    }
}
