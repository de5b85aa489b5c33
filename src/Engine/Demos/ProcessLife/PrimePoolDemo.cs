using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.ProcessLife;

/// <summary>
/// A process pool built by hand: N worker processes connect to the parent over a Unix socket and pull
/// "is this number prime?" jobs from a shared queue, one at a time, until the queue is empty. Results are
/// printed as they complete (submit + as_completed) or in input order (map). The sweep runs the same
/// jobs on pools of 1, 2, …, N workers and measures the speedup.
/// </summary>
public sealed class PrimePoolDemo : IProcessDemo
{
    private const string WorkerRole = "worker";

    /// <summary>
    /// 15-digit numbers. Primes and products of two 8-digit primes need millions of trial divisions
    /// (tens of milliseconds); the multiples of 3 and 5 are answered at once. The mix makes
    /// completion order differ from input order.
    /// </summary>
    private static readonly long[] Numbers =
    [
        463_682_316_083_599, 528_214_178_293_499, 405_483_254_429_839, 333_333_333_333_333,
        534_532_960_968_959, 339_870_740_669_501, 414_298_508_074_093, 500_000_000_000_005,
        316_871_897_079_851, 453_683_979_738_029, 371_096_447_274_233, 123_456_789_012_345,
        437_470_524_275_677, 347_820_795_989_729, 411_459_909_300_397, 300_000_000_000_003,
    ];

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "prime-pool",
        new("A pool of worker processes", "进程池：多个工作进程一起算"),
        new(
            "Each worker lane turns green job after job while the others do too; no more than one per core runs at a time. The sweep's speedup stops near the core count.",
            "每个工作进程的泳道一段接一段地变绿；同一时刻真正在跑的不超过核数。逐个试时，加速比到核数附近就不再涨。"),
        [
            new("workers", new("Worker processes", "工作进程数"), 1, 8, 4),
            new("jobs", new("Numbers to test", "要判断的数"), 4, 48, 16),
            DemoParameter.Choice("order", new("Print results", "结果输出顺序"),
            [
                new DemoChoice("completion", new("As they complete (submit)", "谁先算完先输出（submit）")),
                new DemoChoice("input", new("In input order (map)", "按输入顺序（map）")),
            ]),
            DemoParameter.Choice("run", new("Runs", "运行方式"),
            [
                new DemoChoice("once", new("One pool of N workers", "一个 N 进程的池")),
                new DemoChoice("sweep", new("Sweep: 1, 2, …, N workers", "逐个试：1、2……N 个进程")),
            ]),
        ]);

    /// <inheritdoc />
    public async Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var most = context.Parameters["workers"];
        var numbers = Enumerable.Range(0, context.Parameters["jobs"]).Select(i => Numbers[i % Numbers.Length]).ToArray();
        var cores = Environment.ProcessorCount;
        main.Print($"{numbers.Length} numbers to test; this server has {cores} cores (Environment.ProcessorCount = {cores}).");
        if (context.Parameters.Choice("run") == "once")
        {
            var wall = await RunPoolAsync(context, most, numbers, print: true);
            main.Print($"pool of {most}: all {numbers.Length} results in {wall.TotalMilliseconds:F0} ms");
            return;
        }

        var rows = new List<string> { "workers  wall ms  speedup  ideal" };
        double? baseline = null;
        for (var size = 1; size <= most; size++)
        {
            var wall = await RunPoolAsync(context, size, numbers, print: false);
            baseline ??= wall.TotalMilliseconds;
            var speedup = baseline.Value / wall.TotalMilliseconds;

            // CPU work can't run on more cores than there are: extra workers only take turns.
            var ideal = Math.Min(size, cores);
            context.Counter("speedup", Math.Round(speedup, 2));
            rows.Add($"{size,7}  {wall.TotalMilliseconds,7:F0}  {speedup,7:F2}  {ideal,5:F2}");
            main.Print($"pool of {size}: {wall.TotalMilliseconds:F0} ms, speedup {speedup:F2} (ideal {ideal})");
        }

        rows.ForEach(main.Print);
    }

    /// <summary>Starts a pool, hands out every job, collects every result; returns the time from first job to last result.</summary>
    private static async Task<TimeSpan> RunPoolAsync(DemoContext context, int size, long[] numbers, bool print)
    {
        var main = context.Main;
        var path = Path.Combine(Path.GetTempPath(), "concurrency-lab", $"pool-{Guid.NewGuid():N}.sock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(size);
        try
        {
            var workers = Enumerable.Range(1, size).Select(i => context.StartProcess($"W{i}/{size}", WorkerRole, [path])).ToList();

            // Starting a process is slow (a whole .NET runtime each). A pool pays that once, before the work,
            // so the clock starts only when every worker has connected.
            main.Enter(LaneState.Waiting, "workers to start");
            var names = workers.ToDictionary(w => w.Pid.ToString(CultureInfo.InvariantCulture), w => w.Lane.Name);
            var connections = new List<Connection>();
            for (var i = 0; i < size; i++)
            {
                var stream = new NetworkStream(await listener.AcceptAsync(context.Cancellation), ownsSocket: true);
                var connection = new Connection(new StreamReader(stream), new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" });
                var pid = await connection.Reader.ReadLineAsync(context.Cancellation) ?? "";
                connections.Add(connection with { Name = names.GetValueOrDefault(pid, "pid " + pid) });
            }

            main.Enter(LaneState.Running);
            main.Mark($"pool of {size} ready");

            // The pool's task queue: each worker takes the next job the moment it is free.
            var queue = new ConcurrentQueue<int>(Enumerable.Range(0, numbers.Length));
            var results = Channel.CreateUnbounded<Result>();
            var clock = Stopwatch.StartNew();
            var feeders = connections.Select(c => FeedAsync(c, numbers, queue, results.Writer, context.Cancellation)).ToArray();
            _ = Task.WhenAll(feeders).ContinueWith(t => results.Writer.Complete(t.Exception), TaskScheduler.Default);

            var inOrder = context.Parameters.Choice("order") == "input";
            var arrived = new Result?[numbers.Length];
            var next = 0;
            main.Enter(LaneState.Waiting, "results");
            await foreach (var result in results.Reader.ReadAllAsync(context.Cancellation))
            {
                main.Enter(LaneState.Running);
                if (print && !inOrder)
                {
                    main.Print(Describe(result, held: null));
                }

                // map: a result may print only after every result before it; a fast one waits for a slow one.
                arrived[result.Index] = result with { Arrived = clock.Elapsed };
                while (next < numbers.Length && arrived[next] is { } ready)
                {
                    if (print && inOrder)
                    {
                        main.Print(Describe(ready, held: clock.Elapsed - ready.Arrived));
                    }

                    next++;
                }

                main.Enter(LaneState.Waiting, "results");
            }

            var wall = clock.Elapsed;
            main.Enter(LaneState.Running);
            connections.ForEach(c => c.Writer.Dispose());

            workers.ForEach(w => w.WaitForExit(main));
            return wall;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Serves one worker: sends it a job, waits for its answer, and again, until the queue is empty.</summary>
    private static async Task FeedAsync(Connection worker, long[] numbers, ConcurrentQueue<int> queue, ChannelWriter<Result> results, CancellationToken cancellation)
    {
        while (queue.TryDequeue(out var index))
        {
            await worker.Writer.WriteLineAsync($"{index} {numbers[index]}".AsMemory(), cancellation);
            var answer = await worker.Reader.ReadLineAsync(cancellation) ?? throw new IOException($"{worker.Name} hung up");
            var parts = answer.Split(' ');
            var factor = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var ms = double.Parse(parts[1], CultureInfo.InvariantCulture);
            await results.WriteAsync(new Result(index, numbers[index], factor, worker.Name, ms, TimeSpan.Zero), cancellation);
        }

        await worker.Writer.WriteLineAsync("stop".AsMemory(), cancellation);
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var main = context.Main;
        var name = $"pid {Environment.ProcessId}";
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(arguments[0]));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream);
        using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
        writer.WriteLine(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        // A worker is a loop: wait for a job, do it, send the answer back. The parent decides who gets what.
        var done = 0;
        while (true)
        {
            main.Enter(LaneState.Waiting, "next job");
            var job = reader.ReadLine();
            main.Enter(LaneState.Running);
            if (job is null or "stop")
            {
                break;
            }

            var parts = job.Split(' ');
            var number = long.Parse(parts[1], CultureInfo.InvariantCulture);
            main.Mark($"#{int.Parse(parts[0], CultureInfo.InvariantCulture) + 1}");
            var clock = Stopwatch.StartNew();
            var factor = SmallestFactor(number);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{factor} {clock.Elapsed.TotalMilliseconds:F1}"));
            done++;
        }

        Console.WriteLine($"{name}: {done} jobs done");
        return Task.FromResult(0);
    }

    /// <summary>The smallest factor above 1 (the number itself when it is prime), by trial division: pure CPU work.</summary>
    private static long SmallestFactor(long n)
    {
        if (n % 2 == 0)
        {
            return 2;
        }

        if (n % 3 == 0)
        {
            return 3;
        }

        for (long d = 5; d * d <= n; d += 6)
        {
            if (n % d == 0)
            {
                return d;
            }

            if (n % (d + 2) == 0)
            {
                return d + 2;
            }
        }

        return n;
    }

    private static string Describe(Result r, TimeSpan? held)
    {
        var verdict = r.Factor == r.Number ? "prime" : $"= {r.Factor} × {r.Number / r.Factor}";
        var wait = held is { TotalMilliseconds: >= 1 } h ? $", held back {h.TotalMilliseconds:F0} ms" : "";
        return $"#{r.Index + 1,-2} {r.Number} {verdict,-24} ({r.Worker}, {r.Ms:F0} ms{wait})";
    }

    /// <summary>The parent's end of one worker's socket.</summary>
    private sealed record Connection(StreamReader Reader, StreamWriter Writer, string Name = "");

    private sealed record Result(int Index, long Number, long Factor, string Worker, double Ms, TimeSpan Arrived);
}
