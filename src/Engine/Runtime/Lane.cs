using System.Text;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// One lane of a run's timeline: a thread, a task, a coroutine or a process. A demo calls these
/// methods at the real transition points, from the code the lane stands for, so each event's
/// timestamp, thread and core are measured, not guessed.
/// </summary>
public sealed class Lane
{
    private readonly DemoContext _context;
    private int _lastCore = -1;

    internal Lane(DemoContext context, int id, string name, LaneKind kind)
    {
        _context = context;
        Id = id;
        Name = name;
        Kind = kind;
    }

    /// <summary>Lane id, unique within the run.</summary>
    public int Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>What the lane stands for.</summary>
    public LaneKind Kind { get; }

    /// <summary>The OS thread id of a thread lane, once it appeared.</summary>
    public int? Tid { get; private set; }

    internal Thread? Thread { get; set; }

    internal Task? Task { get; set; }

    /// <summary>Prints one line of output, attributed to this lane.</summary>
    public void Print(string line)
    {
        var text = MakeVisible(line);
        _context.CountOutput(Encoding.UTF8.GetByteCount(text) + 1);
        _context.Emit(new OutputEvent(_context.Clock.Now, Id, text));
    }

    /// <summary>
    /// Enters a state. Entering <see cref="LaneState.Running"/> also records the core, and for a task or
    /// coroutine the OS thread that now runs it.
    /// </summary>
    public void Enter(LaneState state, string? on = null)
    {
        var running = state == LaneState.Running;
        var tid = running && Kind is LaneKind.Task or LaneKind.Coroutine ? NativeMethods.CurrentThreadId() : null;
        _context.Emit(new StateEvent(_context.Clock.Now, Id, state, on, Tid: tid));
        if (running && Kind != LaneKind.Process)
        {
            ReportCore();
        }
    }

    /// <summary>Blocks the calling thread for a while, drawn as a sleeping span; a stopped run wakes it at once.</summary>
    /// <exception cref="OperationCanceledException">When the run is stopped.</exception>
    public void Sleep(TimeSpan duration)
    {
        Enter(LaneState.Sleeping);
        if (_context.Cancellation.WaitHandle.WaitOne(duration))
        {
            throw new OperationCanceledException(_context.Cancellation);
        }

        Enter(LaneState.Running);
    }

    /// <summary>
    /// Awaits a delay without blocking a thread, drawn as a sleeping span. The lane resumes where its
    /// scheduler sends it: on a thread-pool thread, or back on a single-threaded event loop.
    /// </summary>
    public async Task DelayAsync(TimeSpan duration)
    {
        Enter(LaneState.Sleeping);
        await System.Threading.Tasks.Task.Delay(duration, _context.Cancellation)
            .ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        Enter(LaneState.Running);
    }

    /// <summary>Waits for another thread or task lane to finish, drawn as a waiting span.</summary>
    public void Join(Lane other)
    {
        Enter(LaneState.Waiting, "join " + other.Name);
        if (other.Thread is { } thread)
        {
            thread.Join();
        }
        else if (other.Task is { } task)
        {
            ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
        }
        else
        {
            throw new InvalidOperationException($"Lane '{other.Name}' is neither a thread nor a task.");
        }

        Enter(LaneState.Running);
    }

    /// <summary>Marks an instant, optionally linked to the lane it concerns (who woke whom).</summary>
    public void Mark(string label, Lane? link = null) => Mark(label, link?.Id);

    /// <summary>Records the core this lane runs on, when it changed since the last report.</summary>
    public void ReportCore()
    {
        if (NativeMethods.CurrentCore() is { } core && core != _lastCore)
        {
            _lastCore = core;
            _context.Emit(new CpuEvent(_context.Clock.Now, Id, core));
        }
    }

    internal void Mark(string label, int? link) => _context.Emit(new MarkEvent(_context.Clock.Now, Id, label, link));

    /// <summary>Announces the lane; thread lanes report the ids of the calling thread.</summary>
    internal void Appear(int? parent, int pid)
    {
        var isThread = Kind == LaneKind.Thread;
        Tid = isThread ? NativeMethods.CurrentThreadId() : null;
        _context.Emit(new LaneEvent(
            _context.Clock.Now, Id, parent, Kind, Name, pid, Tid, isThread ? Environment.CurrentManagedThreadId : null));
    }

    /// <summary>Control characters become their visible Unicode pictures (ESC shows as ␛), so no terminal escape survives.</summary>
    internal static string MakeVisible(string line)
    {
        if (!line.AsSpan().ContainsAnyInRange('\0', '\u001f') && !line.Contains('\u007f'))
        {
            return line;
        }

        return string.Create(line.Length, line, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    '\t' => c,
                    < '\u0020' => (char)(0x2400 + c),
                    '\u007f' => '\u2421',
                    _ => c,
                };
            }
        });
    }
}
