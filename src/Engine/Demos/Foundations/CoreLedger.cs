using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Foundations;

/// <summary>
/// Draws honest running spans for CPU-bound lanes that the OS time-slices. A thread cannot announce
/// that it is about to be preempted, so each lane checks in often while it works: a lane that finds
/// itself on a core another lane held knows that lane lost the core, and marks it ready before marking
/// itself running. All changes happen under one lock, so on a single core no two lanes ever show running at once.
/// </summary>
internal sealed class CoreLedger
{
    private readonly Lock _gate = new();

    /// <summary>The lane last seen running on each core (index = core number), read without the lock on the fast path.</summary>
    private readonly Lane?[] _holders = new Lane?[1024];

    /// <summary>The core each running lane holds; only touched under the lock.</summary>
    private readonly Dictionary<Lane, int> _cores = [];

    /// <summary>Called often by a working lane, from its own thread.</summary>
    public void CheckIn(Lane me)
    {
        var core = NativeMethods.CurrentCore() ?? 0;
        if (Volatile.Read(ref _holders[core]) == me)
        {
            return;
        }

        lock (_gate)
        {
            // Someone else was last seen on this core: the OS took it away from them and gave it to us.
            if (_holders[core] is { } previous && previous != me)
            {
                _cores.Remove(previous);
                previous.Enter(LaneState.Ready);
            }

            var wasRunning = _cores.Remove(me, out var oldCore);
            if (wasRunning)
            {
                _holders[oldCore] = null;
            }

            _holders[core] = me;
            _cores[me] = core;
            if (wasRunning)
            {
                me.ReportCore(); // moved to another core without stopping
            }
            else
            {
                me.Enter(LaneState.Running);
            }
        }
    }

    /// <summary>The lane's work is done: it gives its core back and is only ready to end.</summary>
    public void Leave(Lane me)
    {
        lock (_gate)
        {
            if (_cores.Remove(me, out var core))
            {
                _holders[core] = null;
            }

            me.Enter(LaneState.Ready);
        }
    }
}
