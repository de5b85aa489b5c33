using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// A worker process started by a demo, drawn as a process lane. Its stdout and stderr become output
/// of that lane; its own threads report through the run's event socket. Its stdin is a pipe the parent
/// may write lines to (<see cref="WriteLine"/>), and the parent may read its stdout lines too (<see cref="ReadLine"/>).
/// </summary>
public sealed class ChildProcess
{
    private readonly DemoContext _context;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _groupLeader;

    // Every stdout line that was shown, for a parent that talks to its child. The run's output cap bounds it.
    private readonly BlockingCollection<string> _stdoutLines = [];
    private readonly Lock _inputGate = new();
    private Process? _process;
    private volatile bool _saidOutOfMemory;
    private bool _inputClosed;

    private ChildProcess(DemoContext context, Lane lane, bool groupLeader)
    {
        _context = context;
        Lane = lane;
        _groupLeader = groupLeader;
    }

    /// <summary>The process lane.</summary>
    public Lane Lane { get; }

    /// <summary>The real OS process id.</summary>
    public int Pid { get; private set; }

    /// <summary>The threads reading the child's stdout and stderr.</summary>
    internal Thread[] Readers { get; private set; } = [];

    /// <summary>
    /// Completes with the exit code once the process has exited and its output has been read, and, for a child of
    /// the run itself, its events too (a worker cannot see the event stream of a process it starts).
    /// </summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Waits for the process to exit, drawn on <paramref name="waiter"/> as a waiting span; returns its exit code.</summary>
    /// <exception cref="OperationCanceledException">When the run is stopped first.</exception>
    public int WaitForExit(Lane waiter)
    {
        waiter.Enter(LaneState.Waiting, "join " + Lane.Name);
        var exited = ((IAsyncResult)_exited.Task).AsyncWaitHandle;
        if (WaitHandle.WaitAny([exited, _context.Cancellation.WaitHandle]) == 1)
        {
            throw new OperationCanceledException(_context.Cancellation);
        }

        waiter.Enter(LaneState.Running);
        return _exited.Task.Result;
    }

    /// <summary>Writes one line to the child's stdin (a pipe) and flushes it, so the child can read it at once.</summary>
    /// <exception cref="IOException">When the child has exited or closed its stdin.</exception>
    /// <exception cref="InvalidOperationException">After <see cref="CloseInput"/>.</exception>
    public void WriteLine(string line)
    {
        lock (_inputGate)
        {
            if (_inputClosed)
            {
                throw new InvalidOperationException($"The stdin of {Lane.Name} is closed.");
            }

            var input = _process!.StandardInput;
            input.Write(line);
            input.Write('\n');
            input.Flush();
        }
    }

    /// <summary>Closes the child's stdin: once it has read what was written, its next read sees end of input.</summary>
    public void CloseInput()
    {
        lock (_inputGate)
        {
            if (_inputClosed)
            {
                return;
            }

            _inputClosed = true;
            try
            {
                _process!.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child is gone and the pipe broken; closing our end is all that was asked.
            }
        }
    }

    /// <summary>
    /// Waits for the child's next line of stdout, drawn on <paramref name="reader"/> as an io span; null once the
    /// child has closed its stdout (usually by exiting). Every line is also shown on the child's lane, read or not.
    /// </summary>
    /// <exception cref="OperationCanceledException">When the run is stopped first.</exception>
    public string? ReadLine(Lane reader)
    {
        reader.Enter(LaneState.Io, "stdout of " + Lane.Name);
        var got = _stdoutLines.TryTake(out var line, Timeout.Infinite, _context.Cancellation);
        reader.Enter(LaneState.Running);
        return got ? line : null;
    }

    internal static ChildProcess Start(DemoContext context, Lane lane, Lane from, string role, IReadOnlyList<string> arguments, bool survivesParent, bool coldStart)
    {
        var scope = context.Scope;
        var groupLeader = scope.RootLane is null;
        var child = new ChildProcess(context, lane, groupLeader);
        var orders = new WorkerOrders(
            scope.DemoId, role, scope.EventSocketPath, scope.Token, scope.Clock.Origin, Environment.ProcessId, lane.Id, groupLeader, survivesParent,
            scope.Limits, scope.Parameters.Values.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture)), arguments).ToArguments();
        var warm = coldStart || survivesParent ? null : scope.Workers?.TryTake(context.Limits, scope.Token, orders);
        var process = warm ?? ProcessLauncher.StartWorker(orders.Prepend(WorkerLocation.Assembly), scope.Token, context.Limits.WorkerMemoryBytes);
        child._process = process;
        child.Pid = process.Id;
        lane.Appear(from.Id, process.Id);
        lane.Enter(LaneState.Running);
        from.Mark(warm is null ? $"started {lane.Name} (pid {process.Id})" : $"took {lane.Name} (pid {process.Id}) from the warm pool", lane);
        child.WatchOutput();
        return child;
    }

    /// <summary>Asks the process (and, for a group leader, everything it started) to stop.</summary>
    internal void Terminate() => Signal(NativeMethods.SigTerm);

    /// <summary>Kills the process and, for a group leader, every descendant still in its group.</summary>
    internal void Kill() => Signal(NativeMethods.SigKill);

    private void Signal(int signal)
    {
        if (Pid == 0)
        {
            return;
        }

        if (_groupLeader)
        {
            NativeMethods.SignalGroup(Pid, signal);
        }

        if (!_exited.Task.IsCompleted)
        {
            NativeMethods.Signal(Pid, signal);
        }
    }

    /// <summary>
    /// Reads stdout and stderr on threads of their own: a line is stamped the moment it arrives, even when
    /// the thread pool is busy. When both streams end and the process has exited, and what it sent over the
    /// event socket is in the log too, its lane ends.
    /// </summary>
    private void WatchOutput()
    {
        var process = _process!;
        var stdout = new Thread(() =>
        {
            Pump(process.StandardOutput, OutputStream.Stdout);
            _stdoutLines.CompleteAdding();
        })
        {
            Name = Lane.Name + " stdout",
            IsBackground = true,
        };
        var stderr = new Thread(() =>
        {
            Pump(process.StandardError, OutputStream.Stderr);
            stdout.Join();
            process.WaitForExit();
            _context.Scope.WaitForEventsOf(process.Id); // what it sent over the event socket comes before its end, as it happened
            CloseInput();
            Lane.Mark(Describe(process.ExitCode));
            Lane.Enter(LaneState.Done);
            _exited.TrySetResult(process.ExitCode);
        })
        {
            Name = Lane.Name + " stderr",
            IsBackground = true,
        };
        Readers = [stdout, stderr];
        stdout.Start();
        stderr.Start();
    }

    private void Pump(StreamReader reader, OutputStream stream)
    {
        while (reader.ReadLine() is { } line)
        {
            OnOutput(line, stream);
        }
    }

    private void OnOutput(string line, OutputStream stream)
    {
        if (stream == OutputStream.Stderr && SaysOutOfMemory(line))
        {
            _saidOutOfMemory = true; // the runtime may also abort on its own when memory runs out (SIGABRT)
        }

        var text = Lane.MakeVisible(line);
        if (_context.Scope.CountOutput(Encoding.UTF8.GetByteCount(text) + 1))
        {
            _context.Emit(new OutputEvent(_context.Clock.Now, Lane.Id, text, stream));
            if (stream == OutputStream.Stdout)
            {
                _stdoutLines.Add(line);
            }
        }
    }

    /// <summary>"Out of memory." from the runtime, or an OutOfMemoryException it reports before it aborts.</summary>
    internal static bool SaysOutOfMemory(string line) =>
        line.Contains("out of memory", StringComparison.OrdinalIgnoreCase) || line.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal);

    private string Describe(int code) => code switch
    {
        0 => "exited normally (code 0)",
        _ when code == WorkerProtocol.OutOfMemoryExitCode || _saidOutOfMemory => $"ran out of memory (limit {_context.Limits.WorkerMemoryBytes >> 20} MiB)",
        > 128 and < 160 => $"killed by signal {code - 128} (code {code})",
        _ => $"exited with code {code}",
    };

}
