using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>
/// A single-threaded event loop, in the spirit of Python's asyncio loop: one dedicated thread takes
/// ready work from a queue and runs it, one item at a time, to its next await. As a
/// <see cref="TaskScheduler"/> it can be handed to <see cref="DemoContext.StartTask"/>; every await
/// inside such a task captures it, so each continuation comes back to this one thread.
/// </summary>
internal sealed class EventLoop : TaskScheduler
{
    private readonly DemoContext _context;
    private readonly string? _queueCounter;
    private readonly Queue<Task> _ready = new();
    private readonly object _gate = new();
    private bool _stopping;
    private Thread? _thread;

    private EventLoop(DemoContext context, string? queueCounter)
    {
        _context = context;
        _queueCounter = queueCounter;
    }

    /// <summary>The lane of the loop's thread: running while it runs a task, waiting while nothing is ready.</summary>
    public Lane Lane { get; private set; } = null!;

    /// <summary>Only one item runs at a time, by construction.</summary>
    public override int MaximumConcurrencyLevel => 1;

    /// <summary>
    /// Starts the loop's thread. With <paramref name="queueCounter"/> the loop records how many
    /// continuations are queued, ready to run, at every moment.
    /// </summary>
    public static EventLoop Start(DemoContext context, string name, string? queueCounter = null)
    {
        var loop = new EventLoop(context, queueCounter);
        loop.Lane = context.StartThread(name, loop.Run);
        return loop;
    }

    /// <summary>Starts a task lane whose every slice runs on this loop, drawn under the loop's thread.</summary>
    public Lane StartTask(string name, Func<Lane, Task> body) => _context.StartTask(name, body, Lane, this);

    /// <summary>Lets the loop's thread end once its queue is empty. Call it after the loop's tasks ended.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            _ready.Enqueue(task);
            CountReady();
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Runs a task inline only when asked on the loop's own thread; any other thread must queue it.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate)
        {
            return [.. _ready];
        }
    }

    private void Run(Lane lane)
    {
        _thread = Thread.CurrentThread;
        while (Next(lane) is { } task)
        {
            TryExecuteTask(task);
        }
    }

    /// <summary>The next ready item, waiting (drawn as idle) while there is none; null once stopped and drained.</summary>
    private Task? Next(Lane lane)
    {
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                if (_stopping)
                {
                    return null;
                }

                lane.Enter(LaneState.Waiting, "idle: nothing ready");
                while (_ready.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_ready.Count == 0)
                {
                    return null;
                }

                lane.Enter(LaneState.Running);
            }

            var task = _ready.Dequeue();
            CountReady();
            return task;
        }
    }

    private void CountReady()
    {
        if (_queueCounter is not null)
        {
            _context.Counter(_queueCounter, _ready.Count);
        }
    }
}
