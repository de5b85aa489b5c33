using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Together;

/// <summary>
/// All three models at once: a few worker processes (to use every core, each with its own memory),
/// a few threads in each process, and in each thread an event loop running many tasks. A task does a
/// little computing, then awaits a delay that stands for I/O; while it waits, its thread runs the others.
/// </summary>
public sealed class ProcessesThreadsTasksDemo : IProcessDemo
{
    private const string WorkerRole = "worker";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "processes-threads-tasks",
        new("Processes × threads × tasks", "进程 × 线程 × 任务"),
        new(
            "Lanes nest process → thread → task. Each thread is busy only in short bursts: while one of its tasks sleeps (waits for \"I/O\"), the thread runs another.",
            "泳道按 进程 → 线程 → 任务 嵌套。每个线程只在短时间内忙碌：它的一个任务在睡眠（等待“I/O”）时，线程就去运行另一个任务。"),
        [
            new("processes", new("Worker processes", "工作进程数"), 1, 4, 2),
            new("threads", new("Threads per process", "每个进程的线程数"), 1, 4, 2),
            new("tasks", new("Tasks per thread", "每个线程的任务数"), 1, 32, 8),
            new("steps", new("Steps per task (work, then wait)", "每个任务的步数（先计算，再等待）"), 1, 10, 3),
            new("work", new("CPU work per step", "每步的计算时间"), 0, 20, 2, "ms"),
            new("wait", new("I/O wait per step", "每步的 I/O 等待"), 0, 500, 40, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        main.Print($"parent: pid {Environment.ProcessId}, {Environment.ProcessorCount} cores");

        // One process per core is the usual rule: processes are what lets the work use every core
        // (in Python, they are the only way past the GIL). Here the count is a parameter.
        var workers = Enumerable.Range(1, context.Parameters["processes"])
            .Select(p => context.StartProcess($"P{p}", WorkerRole, [p.ToString(CultureInfo.InvariantCulture)]))
            .ToList();
        foreach (var worker in workers)
        {
            var code = worker.WaitForExit(main);
            main.Print($"{worker.Lane.Name} (pid {worker.Pid}) exited with code {code}");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments)
    {
        var p = arguments[0];
        Console.WriteLine($"P{p}: pid {Environment.ProcessId}, parent pid {NativeProcess.ParentId}");

        // Inside the process: a few threads. Each thread runs its own event loop.
        var threads = Enumerable.Range(1, context.Parameters["threads"])
            .Select(t => context.StartThread($"P{p} thread {t}", lane => RunThread(context, lane)))
            .ToList();
        threads.ForEach(context.Main.Join);
        return Task.FromResult(0);
    }

    /// <summary>The body of one thread: start its tasks on a loop that only this thread runs, then run the loop.</summary>
    private static void RunThread(DemoContext context, Lane thread)
    {
        var tasks = context.Parameters["tasks"];
        var steps = context.Parameters["steps"];
        var work = TimeSpan.FromMilliseconds(context.Parameters["work"]);
        var wait = TimeSpan.FromMilliseconds(context.Parameters["wait"]);
        thread.Print($"{thread.Name}: OS thread {NativeProcess.CurrentThreadId}, running {tasks} tasks");

        var loop = new SingleThreadLoop();
        var finished = 0;
        for (var i = 1; i <= tasks; i++)
        {
            // parent: thread → the task lane is drawn under this thread; scheduler: loop → it really runs on it.
            context.StartTask($"{thread.Name} task {i}", async lane =>
            {
                try
                {
                    await StepsAsync(lane, steps, work, wait);
                }
                finally
                {
                    finished++; // only this thread runs the loop, so no lock is needed
                }
            }, parent: thread, scheduler: loop);
        }

        loop.Run(thread, until: () => finished == tasks, context.Cancellation);
        thread.Print($"{thread.Name}: all {tasks} tasks done");
    }

    private static async Task StepsAsync(Lane lane, int steps, TimeSpan work, TimeSpan wait)
    {
        for (var step = 1; step <= steps; step++)
        {
            Compute(work);                 // CPU: holds the thread; no other task of this thread runs now
            await lane.DelayAsync(wait);   // "I/O": gives the thread back to the loop until the wait is over
        }
    }

    /// <summary>Keeps the thread busy computing for a while.</summary>
    private static void Compute(TimeSpan work)
    {
        var until = Stopwatch.GetTimestamp() + (long)(work.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(64);
        }
    }

    /// <summary>
    /// A minimal event loop: a queue of ready task steps that ONE thread runs, one after another.
    /// Tasks started with it (and their continuations after each await) come back to this queue.
    /// </summary>
    private sealed class SingleThreadLoop : TaskScheduler
    {
        private readonly BlockingCollection<Task> _ready = [];

        /// <summary>Runs ready steps on the calling thread until <paramref name="until"/> holds.</summary>
        public void Run(Lane thread, Func<bool> until, CancellationToken cancellation)
        {
            while (!until())
            {
                if (!_ready.TryTake(out var next))
                {
                    // Nothing is ready: every task is waiting for its "I/O". The thread sleeps in the kernel.
                    thread.Enter(LaneState.Waiting, "event loop: no ready task");
                    next = _ready.Take(cancellation);
                    thread.Enter(LaneState.Running);
                }

                TryExecuteTask(next);
            }
        }

        /// <inheritdoc />
        protected override void QueueTask(Task task) => _ready.Add(task);

        /// <inheritdoc />
        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

        /// <inheritdoc />
        protected override IEnumerable<Task> GetScheduledTasks() => _ready.ToArray();
    }
}
