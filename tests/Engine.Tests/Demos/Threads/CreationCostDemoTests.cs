using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.Threads;

public class CreationCostDemoTests
{
    [Fact]
    public async Task AllThreeCostsAreReportedAndAProcessCostsFarMoreThanAThread()
    {
        // A busy machine slows process starts most; give the run room beyond the portal's 10 s.
        var limits = new RunLimits { WallTime = TimeSpan.FromSeconds(25) };
        var (status, events) = await RunHarness.RunAsync(new CreationCostDemo(), new Dictionary<string, string> { ["count"] = "3" }, limits);

        Assert.Equal(RunStatus.Completed, status);
        var counters = Counters(events);
        Assert.Equal(["process start (µs)", "task start (µs)", "thread start (µs)"], counters.Keys.Order());
        Assert.All(counters.Values, samples => Assert.Equal(3, samples.Count));
        Assert.All(counters.Values.SelectMany(s => s), micros => Assert.True(micros > 0));
        var process = Median(counters["process start (µs)"]);
        var thread = Median(counters["thread start (µs)"]);
        Assert.True(process > 10 * thread, $"process {process} µs, thread {thread} µs");

        Assert.Equal(3, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Process));
        var table = events.OfType<OutputEvent>().Select(o => o.Text).SkipWhile(t => !t.StartsWith("kind", StringComparison.Ordinal)).ToList();
        Assert.Equal(["kind", "process", "thread", "task"], table.Select(t => t.Split(' ')[0]));
    }

    [Fact]
    public async Task AThreadCostsMoreToStartThanATask()
    {
        var (threadStatus, threadEvents) = await RunHarness.RunAsync(new CreationCostDemo(), new Dictionary<string, string> { ["count"] = "15", ["kind"] = "thread" });
        var (taskStatus, taskEvents) = await RunHarness.RunAsync(new CreationCostDemo(), new Dictionary<string, string> { ["count"] = "15", ["kind"] = "task" });

        Assert.Equal(RunStatus.Completed, threadStatus);
        Assert.Equal(RunStatus.Completed, taskStatus);
        var thread = Median(Assert.Single(Counters(threadEvents)).Value);
        var task = Median(Assert.Single(Counters(taskEvents)).Value);
        Assert.True(thread > task, $"thread {thread} µs, task {task} µs");
    }

    [Fact]
    public async Task OneKindAloneStartsOnlyThatKindAfterOneWarmUp()
    {
        var (status, events) = await RunHarness.RunAsync(new CreationCostDemo(), new Dictionary<string, string> { ["count"] = "3", ["kind"] = "thread" });

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(["warm-up thread", "thread 1", "thread 2", "thread 3"], events.OfType<LaneEvent>().Where(l => l.Name != "main").Select(l => l.Name));
        Assert.DoesNotContain(events.OfType<LaneEvent>(), l => l.Kind is LaneKind.Process or LaneKind.Task);
        Assert.Equal(3, events.OfType<CounterEvent>().Count());
    }

    private static Dictionary<string, List<double>> Counters(RunEvent[] events) =>
        events.OfType<CounterEvent>().GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Select(c => c.Value).ToList());

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
