using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// Worker processes started ahead of time, runtime booted and warmed up, each waiting on its stdin for the
/// orders of one run (<see cref="WorkerProtocol"/>). A run given the pool takes a warm worker instead of starting
/// a process; when it ends, the pool starts replacements in the background (not sooner: booting them would take
/// cores from the very run that took the workers). A worker serves one run, once: from its
/// orders on it carries the run's marker in /proc and is ended with the run like any process the run started.
/// Only what is fixed when a process starts must match: a run with another worker memory limit starts cold.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Process> _idle = new();
    private readonly List<Task> _refills = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starting; // workers asked for and not yet idle or failed
    private string? _failure;
    private bool _disposed;

    /// <summary>Starts warm workers for runs whose worker memory limit is that of <paramref name="limits"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the size is negative.</exception>
    public WorkerPool(WorkerPoolOptions options, RunLimits limits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Size);
        Size = options.Size;
        WorkerMemoryBytes = limits.WorkerMemoryBytes;
        Refill();
    }

    /// <summary>Idle workers the pool keeps warm.</summary>
    public int Size { get; }

    /// <summary>The managed heap cap its workers started with, which no process can change later.</summary>
    public long WorkerMemoryBytes { get; }

    /// <summary>
    /// The <see cref="WorkerProtocol.RunVariable"/> of idle workers, until a run's token overwrites it in place (so
    /// longer than any token). Idle workers of a portal that is gone are leftovers to the reaper like any worker.
    /// </summary>
    public string Marker { get; } = "pool-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The idle workers' pids, oldest first.</summary>
    internal IReadOnlyList<int> IdlePids
    {
        get
        {
            lock (_gate)
            {
                return [.. _idle.Select(w => w.Id)];
            }
        }
    }

    /// <summary>Waits until <see cref="Size"/> workers are warm and idle (runs that took some refill the pool as they end).</summary>
    /// <exception cref="InvalidOperationException">When a worker failed to warm up: the pool stops starting them.</exception>
    public async Task WaitUntilFullAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    throw new InvalidOperationException(_failure);
                }

                if (_idle.Count >= Size || _disposed)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the idle workers, and those still warming up once they are ready; returns when all are gone.</summary>
    public void Dispose()
    {
        Process[] idle;
        Task[] refills;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            refills = [.. _refills];
            Changed();
        }

        foreach (var worker in idle)
        {
            End(worker);
        }

        Task.WaitAll(refills, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Starts a worker warming up if the pool lacks one, unless it is over; each that becomes ready starts the next.
    /// One boots at a time: booting them all at once would take every core from whatever runs next, for a few
    /// hundred milliseconds. A run calls it when it ends.
    /// </summary>
    internal void Refill()
    {
        lock (_gate)
        {
            if (!_disposed && _failure is null && _starting == 0 && _idle.Count < Size)
            {
                _starting++;
                _refills.RemoveAll(r => r.IsCompleted);
                _refills.Add(WarmUpAsync());
            }
        }
    }

    /// <summary>
    /// Hands an idle worker the orders of a run with these limits and token. Null when none is idle or the run needs
    /// something the pool's workers were not started with.
    /// </summary>
    internal Process? TryTake(RunLimits limits, string token, IEnumerable<string> orders)
    {
        if (limits.WorkerMemoryBytes != WorkerMemoryBytes || token.Length > Marker.Length)
        {
            return null;
        }

        var framed = WorkerOrders.Encode(orders);
        while (TakeIdle() is { } worker)
        {
            if (worker.HasExited)
            {
                End(worker); // it died while idle; another may not have
                continue;
            }

            try
            {
                var input = worker.StandardInput.BaseStream;
                input.Write(framed);
                input.Flush();
                return worker;
            }
            catch (IOException)
            {
                End(worker); // it died just now
            }
        }

        return null;
    }

    private Process? TakeIdle()
    {
        lock (_gate)
        {
            if (!_idle.TryDequeue(out var worker))
            {
                return null;
            }

            Changed();
            return worker;
        }
    }

    /// <summary>Starts one worker and waits for its "ready"; it joins the idle ones unless the pool is over by then.</summary>
    private async Task WarmUpAsync()
    {
        Process? worker = null;
        string? failure = null;
        try
        {
            string[] arguments = [
                WorkerLocation.Assembly, WorkerProtocol.Warm,
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture), WorkerMemoryBytes.ToString(CultureInfo.InvariantCulture)];
            worker = await ProcessLauncher.StartWorkerInBackground(arguments, Marker, WorkerMemoryBytes).ConfigureAwait(false);
            if (await worker.StandardOutput.ReadLineAsync().ConfigureAwait(false) != WorkerProtocol.Ready)
            {
                failure = "A warm worker exited while warming up: " + await worker.StandardError.ReadToEndAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            failure = "A warm worker could not be started: " + ex.Message;
        }

        lock (_gate)
        {
            _starting--;
            if (!_disposed)
            {
                if (failure is null)
                {
                    _idle.Enqueue(worker!);
                    worker = null;
                }
                else
                {
                    _failure ??= failure; // something is wrong with every worker, not this one: stop starting them
                }

                Changed();
            }
        }

        if (worker is not null)
        {
            End(worker);
            return;
        }

        Refill(); // the next one, if the pool still lacks any
    }

    /// <summary>Wakes whoever waits for the pool to change. Called under the gate.</summary>
    private void Changed()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Kills a worker no run owns (it has started nothing) and waits until it is gone.</summary>
    private static void End(Process worker)
    {
        worker.Kill();
        worker.WaitForExit(TimeSpan.FromSeconds(5));
        worker.Dispose();
    }
}
