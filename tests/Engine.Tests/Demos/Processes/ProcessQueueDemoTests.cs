using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class ProcessQueueDemoTests
{
    [Fact]
    public async Task TheReaderGetsEveryItemInOrderAndWaitsWhileTheQueueIsEmpty()
    {
        // Both workers cold, so they start about together, and the writer takes 150 ms an item: even a reader that
        // boots a few hundred milliseconds after the writer (a loaded machine) catches up and finds the queue empty.
        // With 30 ms an item, a reader that booted 150 ms late found all five items waiting (seen once in CI).
        var (status, events) = await RunHarness.RunAsync(
            new ProcessQueueDemo(), new Dictionary<string, string> { ["items"] = "5", ["put"] = "150", ["get"] = "0" }, LoadTolerantLimits.Value, RunHarness.NoWorkers);

        Assert.Equal(RunStatus.Completed, status);
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"reader: got item-{i}"), output.Where(o => o.StartsWith("reader: got", StringComparison.Ordinal)));
        Assert.Contains("reader: queue closed after 5 items", output);
        Assert.Equal("parent: writer exited with code 0, reader with code 0", output[^1]);

        // The reader is faster than the writer, so it must have waited on an empty queue.
        var reader = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process && l.Name == "reader");
        var readerMain = events.OfType<LaneEvent>().Single(l => l.Parent == reader.Lane);
        Assert.Equal(6, events.OfType<StateEvent>().Count(s => s.Lane == readerMain.Lane && s.State == LaneState.Waiting && s.On == "queue.get()"));
        Assert.Contains(events.OfType<StateEvent>(), s => s.State == LaneState.Waiting && s.On == "queue empty");
        Assert.All(events.OfType<CounterEvent>(), c => Assert.InRange(c.Value, 0, 5));
    }

    [Fact]
    public async Task AFastWriterMakesTheQueueGrowAndTheReaderDrainsIt()
    {
        var (status, events) = await RunHarness.RunAsync(new ProcessQueueDemo(), new Dictionary<string, string> { ["items"] = "6", ["put"] = "0", ["get"] = "60" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var lengths = events.OfType<CounterEvent>().Where(c => c.Name == "queue length").Select(c => c.Value).ToList();
        Assert.True(lengths.Max() >= 3, $"the queue never grew: {string.Join(", ", lengths)}");
        Assert.Equal(0, lengths[^1]);
        Assert.Equal(6, events.OfType<OutputEvent>().Count(o => o.Text.StartsWith("reader: got", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, _) = await RunHarness.RunAsync(new ProcessQueueDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
    }
}
