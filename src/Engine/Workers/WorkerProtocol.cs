namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// How a run talks to its worker processes. A worker gets its orders as separate command-line
/// arguments (never through a shell), connects to the run's Unix socket, sends one <see cref="WorkerHello"/>
/// line, then one JSON event per line (<see cref="Events.EventJson"/>). Its own stdout and stderr are
/// captured by its parent and shown as output of its process lane.
/// <para>
/// A warm worker (<see cref="WorkerPool"/>) is started with only <c>--warm &lt;owner pid&gt; &lt;memory bytes&gt;</c>,
/// warms up, writes <c>ready</c> on stdout and waits for the same arguments on stdin (<see cref="WorkerOrders.Encode"/>).
/// </para>
/// </summary>
public static class WorkerProtocol
{
    /// <summary>Environment marker carrying the run's token: finds every process of a run in /proc.</summary>
    public const string RunVariable = "CONCURRENCY_LAB_RUN";

    /// <summary>Environment marker carrying the pid of the portal (or test) that owns the run.</summary>
    public const string OwnerVariable = "CONCURRENCY_LAB_OWNER";

    /// <summary>Exit code of a worker that ran out of its memory allowance.</summary>
    public const int OutOfMemoryExitCode = 3;

    /// <summary>Exit code of a worker whose code failed or whose orders were wrong.</summary>
    public const int FailedExitCode = 1;

    internal const string Demo = "--demo";
    internal const string Role = "--role";
    internal const string Socket = "--socket";
    internal const string Origin = "--origin";
    internal const string OwnerPid = "--owner-pid";
    internal const string OwnerLane = "--owner-lane";
    internal const string Parameter = "--param";
    internal const string NewGroup = "--new-group";
    internal const string SurviveParent = "--survive-parent";
    internal const string WallTime = "--wall-ms";
    internal const string OutputBytes = "--output-bytes";
    internal const string MaxProcesses = "--max-processes";
    internal const string MaxThreads = "--max-threads";
    internal const string MaxEvents = "--max-events";
    internal const string Memory = "--memory";
    internal const string Token = "--token";
    internal const string EndOfOptions = "--";
    internal const string Warm = "--warm";
    internal const string Ready = "ready";
}
