using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Locks;

/// <summary>
/// Two threads each need two locks. Taken in opposite order, each ends up holding one lock and
/// waiting for the other's: a deadlock. A wait that lasts too long makes the thread look at the
/// wait-for graph (who holds what, who waits for what); when the graph has a cycle it reports the
/// cycle, backs off (releases its lock), and tries again later. Taken in the same order, no cycle can form.
/// </summary>
public sealed class DeadlockDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "deadlock",
        new("Deadlock: two locks, two threads", "死锁：两把锁，两个线程"),
        new(
            "Opposite order: both threads blocked at once, each on the lock the other holds, until the timeout finds the cycle. Same order: one simply waits its turn.",
            "相反顺序：两个线程同时阻塞，各自等着对方手里的锁，直到超时后发现这个环。相同顺序：其中一个只是排队等一会儿。"),
        [
            DemoParameter.Choice(
                "order",
                new("Lock order", "加锁顺序"),
                [
                    new DemoChoice("opposite", new("Opposite (T1: A then B, T2: B then A)", "相反（T1 先 A 后 B，T2 先 B 后 A）")),
                    new DemoChoice("same", new("Same (both: A then B)", "相同（都是先 A 后 B）")),
                ],
                "opposite"),
            new("timeout", new("Wait before checking for a deadlock", "等多久后检查死锁"), 100, 2000, 500, "ms"),
            new("work", new("Work while holding a lock", "持锁工作时间"), 10, 500, 100, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var same = context.Parameters.Choice("order") == "same";
        var timeout = TimeSpan.FromMilliseconds(context.Parameters["timeout"]);
        var work = TimeSpan.FromMilliseconds(context.Parameters["work"]);
        using var lockA = new ObservedLock("lockA");
        using var lockB = new ObservedLock("lockB");
        var graph = new WaitForGraph();
        var backOffs = 0;

        // Both threads leave the start line together, so their first locks are taken at the same moment.
        using var go = new ManualResetEventSlim();
        var t1 = context.StartThread("T1", lane =>
            Interlocked.Add(ref backOffs, Transfer(context, lane, lockA, lockB, graph, go, timeout, work)));
        var t2 = context.StartThread("T2", lane =>
            Interlocked.Add(ref backOffs, Transfer(context, lane, same ? lockA : lockB, same ? lockB : lockA, graph, go, timeout, work)));

        var main = context.Main;
        main.Print(same ? "T1 and T2 both take lockA, then lockB" : "T1 takes lockA then lockB; T2 takes lockB then lockA");
        go.Set();
        main.Join(t1);
        main.Join(t2);
        main.Print(backOffs > 0
            ? $"deadlock detected {backOffs} time(s) and broken by backing off; both threads finished"
            : "no deadlock: a thread only waited its turn; both threads finished");
        return Task.CompletedTask;
    }

    /// <summary>Takes both locks, works, releases them. Returns how often it had to back off from a deadlock.</summary>
    private static int Transfer(
        DemoContext context, Lane lane, ObservedLock first, ObservedLock second,
        WaitForGraph graph, ManualResetEventSlim go, TimeSpan timeout, TimeSpan work)
    {
        lane.Enter(LaneState.Waiting, "start");
        go.Wait(context.Cancellation);
        lane.Enter(LaneState.Running);

        for (var backOffs = 0; ; backOffs++)
        {
            // Waiting for the first lock never closes a cycle here: we hold nothing yet.
            Take(context, lane, first, graph, timeout);
            lane.Print($"{lane.Name} holds {first.Name}");
            lane.Sleep(work); // some work that needs only the first lock

            if (Take(context, lane, second, graph, timeout))
            {
                lane.Print($"{lane.Name} holds {first.Name} and {second.Name}: doing the work");
                lane.Sleep(work);
                second.Exit(lane);
                first.Exit(lane);
                lane.Print($"{lane.Name} released both locks");
                return backOffs;
            }

            // We are part of a cycle: break it by giving up what we hold, then wait before trying again.
            first.Exit(lane);
            lane.Mark($"backs off: released {first.Name}");
            lane.Print($"{lane.Name} backs off: released {first.Name}, will try again");
            lane.Sleep(work * 2 * (backOffs + 1));
        }
    }

    /// <summary>
    /// Takes <paramref name="gate"/>. Each time a wait outlasts the timeout it checks the wait-for graph:
    /// with a cycle through this thread it reports it and returns false; without one the wait was only
    /// slow, and it keeps waiting.
    /// </summary>
    private static bool Take(DemoContext context, Lane lane, ObservedLock gate, WaitForGraph graph, TimeSpan timeout)
    {
        graph.Waiting(lane, gate);
        while (!gate.TryEnter(lane, timeout, context.Cancellation))
        {
            if (graph.BreakCycle(lane) is { } cycle)
            {
                Report(lane, cycle);
                return false;
            }

            lane.Mark($"waited {timeout.TotalMilliseconds:F0} ms for {gate.Name}: no cycle found, still waiting");
        }

        graph.Done(lane);
        return true;
    }

    /// <summary>
    /// Prints the cycle and marks each edge on the waiting lane, linked to the lane it waits for. The
    /// other threads of the cycle are blocked right now, so their marks carry this moment's time.
    /// </summary>
    private static void Report(Lane detector, List<(Lane Waiter, ObservedLock Lock, Lane Holder)> cycle)
    {
        string Holds(Lane lane) => string.Join(", ", cycle.Where(e => e.Holder == lane).Select(e => e.Lock.Name));
        var edges = cycle.Select(e => $"{e.Waiter.Name} holds {Holds(e.Waiter)} and waits for {e.Lock.Name} held by {e.Holder.Name}");
        detector.Print("deadlock: " + string.Join("; ", edges));
        foreach (var (waiter, wanted, holder) in cycle)
        {
            waiter.Mark($"deadlock: waits for {wanted.Name} held by {holder.Name}", holder);
        }
    }

    /// <summary>Who waits for which lock; each lock knows its own holder. Together: the wait-for graph.</summary>
    private sealed class WaitForGraph
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<Lane, ObservedLock> _waitsFor = [];

        public void Waiting(Lane lane, ObservedLock wanted)
        {
            lock (_gate)
            {
                _waitsFor[lane] = wanted;
            }
        }

        public void Done(Lane lane)
        {
            lock (_gate)
            {
                _waitsFor.Remove(lane);
            }
        }

        /// <summary>
        /// Follows "waits for a lock → its holder → the lock that holder waits for → …". When the path comes
        /// back to <paramref name="start"/>, that is a deadlock: <paramref name="start"/> stops waiting (so
        /// the other threads of the cycle, checking after it, find no cycle and only one thread backs off)
        /// and gets the cycle back.
        /// </summary>
        public List<(Lane Waiter, ObservedLock Lock, Lane Holder)>? BreakCycle(Lane start)
        {
            lock (_gate)
            {
                var path = new List<(Lane, ObservedLock, Lane)>();
                var current = start;
                while (_waitsFor.TryGetValue(current, out var wanted) && wanted.Holder is { } holder && path.Count <= _waitsFor.Count)
                {
                    path.Add((current, wanted, holder));
                    if (holder == start)
                    {
                        _waitsFor.Remove(start);
                        return path;
                    }

                    current = holder;
                }

                return null;
            }
        }
    }
}
