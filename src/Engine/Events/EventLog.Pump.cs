using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConcurrencyLab.Engine.Events;

// How waiting readers are woken: waves, the pump, and wake-ups handed over to the writer.
public sealed partial class EventLog
{
    /// <summary>
    /// While events stream in, the least time between two looks of the pump at the writer's line, in
    /// <see cref="Stopwatch"/> ticks: 100 µs, far below what a person or the portal's 30 ms flush could notice,
    /// and long enough that each wake-up hands a reader batches, not single events.
    /// </summary>
    private static readonly long LookInterval = Stopwatch.Frequency / 10_000;

    /// <summary>A look that found at least this many new events finds the writer busy: the next one waits its interval.</summary>
    private const int Streaming = 64;

    /// <summary>How long one pump work item goes on before it queues the next.</summary>
    private static readonly TimeSpan PumpSlice = TimeSpan.FromMilliseconds(10);

    [ThreadStatic]
    private static EventLog? t_pumping;

    private const int Idle = 0;
    private const int Running = 1;

    /// <summary>Readers wait and the pump is not running: the next append (or completion) queues it.</summary>
    private const int Armed = 2;

    /// <summary>True on the thread of this log's pump, while it resumes readers.</summary>
    private bool OnPump => t_pumping == this;

    /// <summary>Count and completion, read in the order that makes them agree: once completed, the count is final.</summary>
    private LogState State
    {
        get
        {
            var completed = IsCompleted;
            return new LogState(Count, completed);
        }
    }

    /// <summary>
    /// Completes, with what the log then holds, once it holds more than <paramref name="seen"/> events or is
    /// completed. A reader on the pump just joins the wave: the pump looks at the log for all of them.
    /// </summary>
    private Task<LogState> WaitAsync(int seen)
    {
        if (!OnPump && State is var before && (before.Count > seen || before.Completed))
        {
            return Task.FromResult(before);
        }

        var wave = Volatile.Read(ref _readers.Waiting) ?? Join(ref _readers.Waiting, new Wave());
        wave.Lower(seen);
        if (OnPump)
        {
            return wave.Task;
        }

        // Lower is a full fence: if an append came in since the first look, this sees it; if not, whoever
        // runs next (the pump, or the writer it armed) sees this reader's count. Left in the wave either way:
        // a wake-up a reader did not need costs it one look at the count.
        if (State is var after && (after.Count > seen || after.Completed))
        {
            return Task.FromResult(after);
        }

        Run(Idle);
        return wave.Task;
    }

    /// <summary>Completes on the pump: a reader back from its flush delay goes on there.</summary>
    private Task ResumeOnPumpAsync()
    {
        var resuming = Volatile.Read(ref _readers.Resuming) ?? Join(ref _readers.Resuming, new TaskCompletionSource<LogState>());
        if (!Run(Idle))
        {
            Run(Armed);
        }

        return resuming.Task;
    }

    /// <summary>Puts <paramref name="fresh"/> in <paramref name="slot"/> unless another got there first; returns the one there.</summary>
    private static T Join<T>(ref T? slot, T fresh)
        where T : class => Interlocked.CompareExchange(ref slot, fresh, null) ?? fresh;

    /// <summary>Queues the pump if it is in state <paramref name="from"/>; exactly one caller wins.</summary>
    private bool Run(int from)
    {
        if (Volatile.Read(ref _line.Pump) != from || Interlocked.CompareExchange(ref _line.Pump, Running, from) != from)
        {
            return false;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static log => log.Pump(), this, preferLocal: false);
        return true;
    }

    /// <summary>Called under the gate after the log changed: an armed pump starts again.</summary>
    private void FireIfArmed()
    {
        if (Volatile.Read(ref _line.Pump) == Armed)
        {
            Run(Armed);
        }
    }

    /// <summary>
    /// Resumes readers, inline and one after another, for as long as some are due. While events stream in it looks
    /// at the writer's line at most once every <see cref="LookInterval"/>, so readers that keep pace with a busy
    /// writer cost it a cache miss that often at most, however many they are, and each wake-up gives them batches.
    /// When a look finds nothing new for the readers waiting, it arms the writer and stops; with nobody waiting it
    /// goes idle. After <see cref="PumpSlice"/> it queues itself again rather than go on, so a log that never goes
    /// quiet still shares the pool's thread.
    /// </summary>
    private void Pump()
    {
        var started = Stopwatch.GetTimestamp();
        var (lastLook, streaming) = (0L, false);
        while (true)
        {
            if (Interlocked.Exchange(ref _readers.Resuming, null) is { } resuming)
            {
                ResumeHere(resuming, State);
            }
            else if (Volatile.Read(ref _readers.Waiting) is not { } waiting)
            {
                // Idle, then look again: a reader that joined meanwhile either saw Running (and counts on
                // this pump) or will see Idle and queue a new one.
                Interlocked.Exchange(ref _line.Pump, Idle);
                if (Volatile.Read(ref _readers.Waiting) is null && Volatile.Read(ref _readers.Resuming) is null ||
                    Interlocked.CompareExchange(ref _line.Pump, Running, Idle) != Idle)
                {
                    return;
                }
            }
            else
            {
                lastLook = streaming ? WaitForLook(lastLook) : Stopwatch.GetTimestamp();
                if (State is var state && (state.Count > waiting.MinSeen || state.Completed))
                {
                    streaming = state.Count - waiting.MinSeen >= Streaming;
                    Interlocked.CompareExchange(ref _readers.Waiting, null, waiting);
                    ResumeHere(waiting, state);
                }
                else if (Arm(waiting))
                {
                    return;
                }
            }

            if (Stopwatch.GetElapsedTime(started) >= PumpSlice)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static log => log.Pump(), this, preferLocal: false);
                return;
            }
        }
    }

    /// <summary>
    /// Spins, touching no shared memory, until <see cref="LookInterval"/> has passed since <paramref name="lastLook"/>;
    /// returns now. Only while events stream, so the pump's core is busy anyway; yielding it instead measured
    /// worse for the writer (each yield is a system call, and the readers fell behind).
    /// </summary>
    private static long WaitForLook(long lastLook)
    {
        var now = Stopwatch.GetTimestamp();
        while (now - lastLook < LookInterval)
        {
            Thread.SpinWait(16);
            now = Stopwatch.GetTimestamp();
        }

        return now;
    }

    /// <summary>Under the gate, hands the next wake-up to the writer unless the log changed meanwhile; true when armed.</summary>
    private bool Arm(Wave waiting)
    {
        lock (_gate)
        {
            if (Count > waiting.MinSeen || _line.Completed)
            {
                return false;
            }

            // Armed, then look again: a reader back from its delay meanwhile saw Running and counts on this
            // pump, or sees Armed and queues a new one.
            Interlocked.Exchange(ref _line.Pump, Armed);
            if (Volatile.Read(ref _readers.Resuming) is not null)
            {
                Run(Armed);
            }

            return true;
        }
    }

    /// <summary>Resumes the readers of <paramref name="readers"/> on this thread, as the pump.</summary>
    private void ResumeHere(TaskCompletionSource<LogState> readers, LogState state)
    {
        t_pumping = this;
        try
        {
            readers.TrySetResult(state);
        }
        finally
        {
            t_pumping = null;
        }
    }

    /// <summary>What readers change on every wait, padded to a cache line of its own, away from what the writer reads.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine)]
    private struct ReaderLine
    {
        /// <summary>Readers waiting for more events: the pump resumes them once the log holds more than they saw.</summary>
        [FieldOffset(CacheLine)]
        public Wave? Waiting;

        /// <summary>Readers back from a flush delay, waiting for their turn on the pump.</summary>
        [FieldOffset(CacheLine + 8)]
        public TaskCompletionSource<LogState>? Resuming;
    }

    /// <summary>What a reader knows of the log: how many events it holds, and whether more may come.</summary>
    private readonly record struct LogState(int Count, bool Completed);

    /// <summary>Readers waiting for the log to grow past the lowest count any of them saw.</summary>
    private sealed class Wave : TaskCompletionSource<LogState>
    {
        private int _minSeen = int.MaxValue;

        public int MinSeen => Volatile.Read(ref _minSeen);

        /// <summary>Lowers the wave's count to <paramref name="seen"/>; a full fence, whether or not it changes.</summary>
        public void Lower(int seen)
        {
            var current = Volatile.Read(ref _minSeen);
            while (true)
            {
                var found = Interlocked.CompareExchange(ref _minSeen, Math.Min(current, seen), current);
                if (found == current)
                {
                    return;
                }

                current = found;
            }
        }
    }
}
