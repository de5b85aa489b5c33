using System.Text;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// One lane of a run's timeline. A demo calls these methods at the real transition points, from the
/// thread the lane stands for, so each event's timestamp and core are measured, not guessed.
/// </summary>
public sealed class Lane
{
    private readonly DemoContext _context;
    private int _lastCore = -1;

    internal Lane(DemoContext context, int id, string name)
    {
        _context = context;
        Id = id;
        Name = name;
    }

    /// <summary>Lane id, unique within the run.</summary>
    public int Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The OS thread id the lane reported when it appeared.</summary>
    public int? Tid { get; private set; }

    internal Thread? Thread { get; set; }

    /// <summary>Prints one line of output, attributed to this lane.</summary>
    public void Print(string line)
    {
        var text = MakeVisible(line);
        _context.CountOutput(Encoding.UTF8.GetByteCount(text) + 1);
        _context.Emit(new OutputEvent(_context.Clock.Now, Id, text));
    }

    /// <summary>Enters a state; when it is <see cref="LaneState.Running"/>, also records the core.</summary>
    public void Enter(LaneState state, string? on = null)
    {
        _context.Emit(new StateEvent(_context.Clock.Now, Id, state, on));
        if (state == LaneState.Running)
        {
            ReportCore();
        }
    }

    /// <summary>Sleeps, drawn as a sleeping span; a stopped run wakes it at once.</summary>
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

    /// <summary>Waits for another thread lane to finish, drawn as a waiting span.</summary>
    public void Join(Lane other)
    {
        var thread = other.Thread ?? throw new InvalidOperationException($"Lane '{other.Name}' is not a thread.");
        Enter(LaneState.Waiting, "join " + other.Name);
        thread.Join();
        Enter(LaneState.Running);
    }

    /// <summary>Marks an instant, optionally linked to the lane it concerns (who woke whom).</summary>
    public void Mark(string label, Lane? link = null) =>
        _context.Emit(new MarkEvent(_context.Clock.Now, Id, label, link?.Id));

    /// <summary>Records the core this lane runs on, when it changed since the last report.</summary>
    public void ReportCore()
    {
        if (NativeMethods.CurrentCore() is { } core && core != _lastCore)
        {
            _lastCore = core;
            _context.Emit(new CpuEvent(_context.Clock.Now, Id, core));
        }
    }

    internal void Appear(LaneKind kind, int? parent)
    {
        Tid = NativeMethods.CurrentThreadId();
        _context.Emit(new LaneEvent(
            _context.Clock.Now, Id, parent, kind, Name, Environment.ProcessId, Tid, Environment.CurrentManagedThreadId));
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
