using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// The run as a worker process sees it: events go to the run's socket as JSON lines, lane ids are the
/// worker's own (lane 0 is its process lane), and the clock shares the run's origin.
/// </summary>
internal sealed class WorkerScope : IRunScope, IDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Lock _writeGate = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextLane;
    private long _outputBytes;
    private long _events;

    public WorkerScope(WorkerOrders orders, DemoParameters parameters)
    {
        DemoId = orders.Demo;
        Parameters = parameters;
        Limits = orders.Limits;
        Clock = new RunClock(orders.Origin);
        Token = orders.Token;
        EventSocketPath = orders.Socket;
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Connect(new UnixDomainSocketEndPoint(orders.Socket));
        _stream = new NetworkStream(_socket, ownsSocket: true);
        WriteLine(JsonSerializer.SerializeToUtf8Bytes(new WorkerHello(Environment.ProcessId, orders.OwnerPid, orders.OwnerLane), EventJson.Options));
        _ = WatchForRunEndAsync();
    }

    public string DemoId { get; }

    public DemoParameters Parameters { get; }

    public RunLimits Limits { get; }

    public RunClock Clock { get; }

    public CancellationToken Cancellation => _stop.Token;

    public string Token { get; }

    public string EventSocketPath { get; }

    public int? RootLane => 0;

    public WorkerPool? Workers => null;

    public void WaitForEventsOf(int pid)
    {
    }

    /// <summary>Why the worker was stopped, if it was.</summary>
    public RunStatus? StoppedFor { get; private set; }

    /// <summary>The detail given with the first stop.</summary>
    public string? StopDetail { get; private set; }

    public bool Append(RunEvent e)
    {
        if (Interlocked.Increment(ref _events) > Limits.MaxEvents)
        {
            return false;
        }

        try
        {
            WriteLine(JsonSerializer.SerializeToUtf8Bytes(e, EventJson.Options));
            return true;
        }
        catch (IOException)
        {
            Stop(RunStatus.Cancelled, "the run closed its event socket");
            return false;
        }
    }

    public bool CountOutput(int bytes)
    {
        if (Interlocked.Add(ref _outputBytes, bytes) <= Limits.MaxOutputBytes)
        {
            return true;
        }

        Stop(RunStatus.Truncated, "output limit reached");
        return false;
    }

    public void Stop(RunStatus status, string? detail)
    {
        if (StoppedFor is null)
        {
            StoppedFor = status;
            StopDetail = detail;
        }

        _stop.Cancel();
    }

    public int NewLaneId() => Interlocked.Increment(ref _nextLane);

    public void Dispose()
    {
        _stop.Cancel();
        _stream.Dispose();
    }

    private void WriteLine(byte[] json)
    {
        lock (_writeGate)
        {
            _stream.Write(json);
            _stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>The run closes the socket when it ends; the worker then stops too.</summary>
    private async Task WatchForRunEndAsync()
    {
        var buffer = new byte[1];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        Stop(RunStatus.Cancelled, "the run ended");
    }
}
