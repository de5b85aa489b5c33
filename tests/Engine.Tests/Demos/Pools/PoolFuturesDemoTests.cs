using ConcurrencyLab.Engine.Demos.Pools;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Pools;

[Collection(TimingSensitive.Name)]
public class PoolFuturesDemoTests
{
    [Fact]
    public async Task DefaultRunCollectsAllResultsAndShutsThePoolDown()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo());

        Assert.Equal(RunStatus.Completed, status);
        var text = Lines(events);
        Assert.Contains(text, t => t.StartsWith("WhenAll results, in submission order: job 1=260 ms, job 2=90 ms"));
        Assert.Equal("pool shut down: all workers have ended", text[^1]);
    }

    [Fact]
    public async Task AsCompletedHandsBackResultsInCompletionOrderNotSubmissionOrder()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo(), new Dictionary<string, string> { ["style"] = "as-completed" });

        Assert.Equal(RunStatus.Completed, status);
        var names = events.OfType<LaneEvent>().ToDictionary(l => l.Lane, l => l.Name);
        var finished = events.OfType<MarkEvent>().Where(m => m.Label == "result ready").Select(m => names[m.Lane]).ToList();
        var handled = Lines(events).Where(t => t.StartsWith("as completed: ")).Select(t => t["as completed: ".Length..t.IndexOf(" (", StringComparison.Ordinal)]).ToList();
        Assert.Equal(6, handled.Count);
        Assert.Equal(finished, handled);
        Assert.NotEqual(Enumerable.Range(1, 6).Select(i => $"job {i}"), handled);
    }

    [Fact]
    public async Task APoolOfTwoRunsAtMostTwoJobsAtOnceWhileTheRestWaitInItsQueue()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo(), new Dictionary<string, string> { ["workers"] = "2", ["jobs"] = "6" });

        Assert.Equal(RunStatus.Completed, status);
        var workerTids = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("worker ")).Select(l => l.Tid).ToHashSet();
        Assert.Equal(2, workerTids.Count);
        var jobs = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("job ")).Select(l => l.Lane).ToHashSet();
        Assert.Equal(6, jobs.Count);

        // A job runs from the moment a worker's thread picks it up until the worker marks its result ready.
        var pickedUp = new HashSet<int>();
        var changes = events
            .Select(e => e switch
            {
                StateEvent { State: LaneState.Running } s when jobs.Contains(s.Lane) && workerTids.Contains(s.Tid) && pickedUp.Add(s.Lane) => +1,
                MarkEvent { Label: "result ready" } m when jobs.Contains(m.Lane) => -1,
                _ => 0,
            })
            .Where(change => change != 0);
        var running = 0;
        var most = 0;
        foreach (var change in changes)
        {
            running += change;
            most = Math.Max(most, running);
        }

        Assert.Equal(2, most);
        Assert.Equal(0, running);

        // Queueing: the last job sat ready in the queue for at least the shortest job's length.
        var last = events.OfType<LaneEvent>().Single(l => l.Name == "job 6").Lane;
        var queued = events.OfType<StateEvent>().First(s => s.Lane == last && s.State == LaneState.Ready).T;
        var picked = events.OfType<StateEvent>().First(s => s.Lane == last && s.State == LaneState.Running && workerTids.Contains(s.Tid)).T;
        Assert.True(picked - queued >= 60_000, $"job 6 waited only {(picked - queued) / 1000} ms in the queue");
    }

    [Fact]
    public async Task AJobLongerThanTheTimeoutIsReportedAndKeepsRunning()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo(), new Dictionary<string, string>
        {
            ["style"] = "timeout", ["jobs"] = "1", ["timeout"] = "10",
        });

        Assert.Equal(RunStatus.Completed, status);
        var marks = events.OfType<MarkEvent>().Select(m => m.Label).ToList();
        Assert.Equal(["timeout: job 1", "result ready"], marks);
        Assert.Contains("job 1: timed out after 10 ms, still running in the pool", Lines(events));
    }

    [Fact]
    public async Task AJobShorterThanTheTimeoutReturnsItsResult()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo(), new Dictionary<string, string>
        {
            ["style"] = "timeout", ["jobs"] = "1", ["timeout"] = "1000",
        });

        Assert.Equal(RunStatus.Completed, status);
        Assert.DoesNotContain(events.OfType<MarkEvent>(), m => m.Label.StartsWith("timeout"));
        Assert.Contains("job 1: result 260 ms", Lines(events));
    }

    [Fact]
    public async Task CallbacksRunOnTheWorkerThatFinishedTheJob()
    {
        var (status, events) = await RunHarness.RunAsync(new PoolFuturesDemo(), new Dictionary<string, string> { ["style"] = "callback" });

        Assert.Equal(RunStatus.Completed, status);
        var callbacks = Lines(events).Where(t => t.StartsWith("callback: ")).ToList();
        Assert.Equal(6, callbacks.Count);
        Assert.All(callbacks, c => Assert.Matches("on thread 'worker [12]'$", c));
    }

    private static List<string> Lines(RunEvent[] events) => events.OfType<OutputEvent>().Select(o => o.Text).ToList();
}
