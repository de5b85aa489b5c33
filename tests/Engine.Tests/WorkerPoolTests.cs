using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Tests;

public class WorkerPoolTests
{
    private static readonly SpawnChildrenDemo Demo = new();

    // A worker boots .NET; on a loaded machine that can take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ARunTakesAWarmWorkerAndThePoolStartsAnother()
    {
        using var pool = await FullPoolAsync(1);
        var warm = Assert.Single(pool.IdlePids);

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "1", ["lines"] = "2", ["pause"] = "0" }, workers: pool);

        Assert.Equal(RunStatus.Completed, status);
        var process = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        Assert.Equal(warm, process.Pid);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label == $"took P1 (pid {warm}) from the warm pool");
        Assert.Equal(warm, events.OfType<LaneEvent>().Single(l => l.Parent == process.Lane).Pid);
        Assert.Equal(
            [$"child 1: pid {warm}, parent pid {Environment.ProcessId}", "1 line 1/2", "1 line 2/2"],
            events.OfType<OutputEvent>().Where(o => o.Lane == process.Lane).Select(o => o.Text));
        await pool.WaitUntilFullAsync().WaitAsync(Patience);
        Assert.NotEqual(warm, Assert.Single(pool.IdlePids));
    }

    [Fact]
    public async Task AWarmWorkerServesOneRunOnlyAndDiesWithIt()
    {
        using var pool = await FullPoolAsync(1);
        var parameters = new Dictionary<string, string> { ["children"] = "1", ["lines"] = "1", ["pause"] = "0" };

        var (_, first) = await RunHarness.RunAsync(Demo, parameters, workers: pool);
        await pool.WaitUntilFullAsync().WaitAsync(Patience);
        var (_, second) = await RunHarness.RunAsync(Demo, parameters, workers: pool);

        var firstPid = first.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process).Pid;
        var secondPid = second.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process).Pid;
        Assert.NotEqual(firstPid, secondPid);
        Assert.Contains(second.OfType<MarkEvent>(), m => m.Label == $"took P1 (pid {secondPid}) from the warm pool");
        Assert.DoesNotContain(firstPid, ProcessReaper.FindRunProcesses(pool.Marker));
        Assert.False(IsRunning(firstPid));
    }

    [Fact]
    public async Task TheProcCheckFindsWarmWorkersOfARunAndTheirGrandchildrenAndCancelLeavesNone()
    {
        using var pool = await FullPoolAsync(2);
        var warm = pool.IdlePids;
        await using var run = RunHarness.Create(
            Demo, new Dictionary<string, string> { ["children"] = "2", ["grandchildren"] = "2", ["lines"] = "50", ["pause"] = "200" },
            new RunLimits { WallTime = TimeSpan.FromSeconds(60) }, pool);
        run.Start();
        await RunHarness.WaitForAsync(run, e => e is OutputEvent { Text: "1.2 line 1/50" });
        await RunHarness.WaitForAsync(run, e => e is OutputEvent { Text: "2.2 line 1/50" });

        var found = ProcessReaper.FindRunProcesses(run.Token);
        Assert.Subset(found.ToHashSet(), warm.ToHashSet());
        Assert.Equal(6, found.Count);

        run.Cancel();
        Assert.Equal(RunStatus.Cancelled, await run.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        RunHarness.AssertNothingLeft(run);
        Assert.All(warm, pid => Assert.False(IsRunning(pid)));
    }

    [Fact]
    public async Task ARunWithAnotherMemoryLimitStartsColdAndLeavesThePoolAlone()
    {
        using var pool = await FullPoolAsync(1);
        var warm = Assert.Single(pool.IdlePids);

        var (status, events) = await RunHarness.RunAsync(
            Demo, new Dictionary<string, string> { ["children"] = "1", ["lines"] = "1" }, new RunLimits { WorkerMemoryBytes = 128 << 20 }, pool);

        Assert.Equal(RunStatus.Completed, status);
        var pid = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process).Pid;
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label == $"started P1 (pid {pid})");
        Assert.Equal([warm], pool.IdlePids);
    }

    [Fact]
    public async Task WithoutWarmWorkersEveryProcessStartsColdAsBefore()
    {
        var (status, events) = await RunHarness.RunAsync(
            Demo, new Dictionary<string, string> { ["children"] = "2", ["grandchildren"] = "1", ["lines"] = "1" }, workers: RunHarness.NoWorkers);

        Assert.Equal(RunStatus.Completed, status);
        var marks = events.OfType<MarkEvent>().Select(m => m.Label).ToList();
        Assert.Equal(4, marks.Count(m => m.StartsWith("started P", StringComparison.Ordinal)));
        Assert.DoesNotContain(marks, m => m.Contains("warm pool", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancellingWhileTakingWorkersLeavesNothingAndThePoolRefills()
    {
        using var pool = await FullPoolAsync(2);
        var run = RunHarness.Create(Demo, new Dictionary<string, string> { ["children"] = "4", ["lines"] = "50", ["pause"] = "200" }, workers: pool);

        run.Start();
        await RunHarness.WaitForAsync(run, e => e is MarkEvent { Label: var label } && label.StartsWith("took P", StringComparison.Ordinal));
        run.Cancel();

        Assert.Equal(RunStatus.Cancelled, await run.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        RunHarness.AssertNothingLeft(run);
        await pool.WaitUntilFullAsync().WaitAsync(Patience);
        Assert.Equal(pool.IdlePids.Order(), ProcessReaper.FindRunProcesses(pool.Marker).Order());
    }

    [Fact]
    public async Task AWorkerThatDiedWhileIdleIsPassedOver()
    {
        using var pool = await FullPoolAsync(1);
        var dead = Assert.Single(pool.IdlePids);
        NativeMethods.Signal(dead, NativeMethods.SigKill);

        // Gone from /proc: reaped, so the pool's Process knows. A zombie leader does not do: the other threads of a
        // killed worker may still hold its stdin open, and orders written then go nowhere (the run sees it killed).
        await UntilAsync(() => !Directory.Exists($"/proc/{dead}"));

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "1", ["lines"] = "1" }, workers: pool);

        Assert.Equal(RunStatus.Completed, status);
        var process = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label == $"started P1 (pid {process.Pid})");
        Assert.Single(events.OfType<LaneEvent>(), l => l.Parent == process.Lane); // the worker it got did run
    }

    [Fact]
    public async Task IdleWorkersCarryThePoolsMarkerAndDisposingThePoolKillsThem()
    {
        var pool = await FullPoolAsync(2);
        var idle = pool.IdlePids;
        Assert.Equal(idle.Order(), ProcessReaper.FindRunProcesses(pool.Marker).Order());

        pool.Dispose();

        Assert.Empty(ProcessReaper.FindRunProcesses(pool.Marker));
        Assert.All(idle, pid => Assert.False(IsRunning(pid)));
    }

    [Fact]
    public void DisposingAPoolWhileItsWorkersWarmUpLeavesNone()
    {
        var pool = new WorkerPool(new WorkerPoolOptions { Size = 2 }, new RunLimits());

        pool.Dispose();

        Assert.Empty(ProcessReaper.FindRunProcesses(pool.Marker));
    }

    [Fact]
    public async Task WorkersOfAPoolMadeOnAShortLivedThreadOutliveThatThread()
    {
        // PR_SET_PDEATHSIG fires when the parent *thread* exits: workers must come from the launcher thread.
        WorkerPool? made = null;
        var maker = new Thread(() =>
        {
            made = new WorkerPool(new WorkerPoolOptions { Size = 1 }, new RunLimits());
            made.WaitUntilFullAsync().Wait(Patience);
        });
        maker.Start();
        maker.Join();
        using var pool = made!;
        var warm = Assert.Single(pool.IdlePids);

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "1", ["lines"] = "1" }, workers: pool);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(warm, events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process).Pid);
    }

    private static async Task<WorkerPool> FullPoolAsync(int size)
    {
        var pool = new WorkerPool(new WorkerPoolOptions { Size = size }, new RunLimits());
        await pool.WaitUntilFullAsync().WaitAsync(Patience);
        return pool;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Alive and not a zombie: a killed worker may linger as one until it is reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
