using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Locks;

/// <summary>
/// A recursive function takes the same lock at every level. A re-entrant lock (.NET's <c>lock</c>,
/// Python's <c>RLock</c>) lets its holder in again and counts how often; other threads stay out until
/// the count is back to zero. A non-re-entrant lock (a one-slot semaphore, like Python's <c>Lock</c>)
/// makes the holder wait for itself at the second level: a deadlock with one thread, found by timeout.
/// </summary>
public sealed class ReentrantLockDemo : IDemo
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "reentrant-lock",
        new("A lock taken again by its holder", "持有者再次获取同一把锁"),
        new(
            "The re-entry count climbs to the depth and falls back to 0; T2 stays blocked until it reaches 0.",
            "重入计数先升到递归深度，再降回 0；T2 一直阻塞，直到计数归零。"),
        [
            new("depth", new("Recursion depth", "递归深度"), 1, 8, 4),
            DemoParameter.Choice(
                "kind",
                new("Lock", "锁的类型"),
                [
                    new DemoChoice("reentrant", new("Re-entrant (lock / RLock)", "可重入（lock / RLock）")),
                    new DemoChoice("plain", new("Not re-entrant (SemaphoreSlim(1) / Lock)", "不可重入（SemaphoreSlim(1) / Lock）")),
                ],
                "reentrant"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var depth = context.Parameters["depth"];
        var reentrant = context.Parameters.Choice("kind") == "reentrant";
        // The count belongs to the lock: whoever holds it, how many times.
        using var gate = new ObservedLock("tree lock", reentrant) { DepthChanged = (_, count) => context.Counter("re-entry count", count) };
        using var firstHold = new ManualResetEventSlim();
        var main = context.Main;
        main.Print($"T1 goes {depth} levels deep and takes the {(reentrant ? "re-entrant" : "non-re-entrant")} lock at each; T2 wants it once");
        context.Counter("re-entry count", 0);

        var t1 = context.StartThread("T1", lane => Visit(context, lane, gate, level: 1, depth, firstHold));

        // Start T2 only once T1 holds the lock, so T2 surely finds it taken.
        main.Enter(LaneState.Waiting, "T1 holds the lock");
        firstHold.Wait(context.Cancellation);
        main.Enter(LaneState.Running);
        var t2 = context.StartThread("T2", lane =>
        {
            gate.Enter(lane, context.Cancellation);
            lane.Print($"T2 got the lock (count {gate.Depth})");
            gate.Exit(lane);
        });

        main.Join(t1);
        main.Join(t2);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One level of a recursive walk, say over a tree whose every node must be changed under the same
    /// lock. Level 1 takes the lock; every deeper level takes it again.
    /// </summary>
    private static void Visit(DemoContext context, Lane lane, ObservedLock gate, int level, int depth, ManualResetEventSlim firstHold)
    {
        if (!gate.TryEnter(lane, GiveUpAfter, context.Cancellation))
        {
            // Nobody else is around: the holder we wait for is ourselves. Back out level by level.
            lane.Mark($"self-deadlock: {lane.Name} waits for {gate.Name}, held by {gate.Holder?.Name}", gate.Holder);
            lane.Print($"level {level}: waited {GiveUpAfter.TotalMilliseconds:F0} ms for {gate.Name}, held by {gate.Holder?.Name} itself; " +
                "a non-re-entrant lock never lets its holder in twice. Giving up.");
            return;
        }

        lane.Print($"level {level}: took {gate.Name}, count = {gate.Depth}");
        firstHold.Set();
        try
        {
            lane.Sleep(Step); // work on this level before going deeper
            if (level < depth)
            {
                Visit(context, lane, gate, level + 1, depth, firstHold);
            }

            lane.Sleep(Step); // and after coming back up
        }
        finally
        {
            lane.Print($"level {level}: releasing {gate.Name}, count goes back to {gate.Depth - 1}");
            gate.Exit(lane);
        }
    }
}
