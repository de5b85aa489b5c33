using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;
using static ConcurrencyLab.Engine.Tests.Export.ParsedTrace;

namespace ConcurrencyLab.Engine.Tests.Export;

public class ChromeTraceOfARealRunTests
{
    private static readonly Dictionary<string, string> ThreeThreads = new() { ["threads"] = "3", ["lines"] = "2", ["pause"] = "5" };

    [Fact]
    public async Task EveryThreadLaneGetsExactlyOneNamedTrackOnItsOsThread()
    {
        var (status, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), ThreeThreads);
        var trace = new ParsedTrace(events);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal("ms", trace.Root.GetProperty("displayTimeUnit").GetString());
        var lanes = events.OfType<LaneEvent>().ToList();
        Assert.Equal(4, lanes.Count);
        var names = trace.Metadata("thread_name");
        Assert.Equal(lanes.Count, names.Count);
        Assert.All(lanes, lane =>
        {
            var name = Assert.Single(names, m => Track(m) == (lane.Pid, lane.Tid!.Value));
            Assert.Equal(lane.Name, Arg(name, "name").GetString());
        });
        Assert.Equal(lanes.Count, trace.Metadata("thread_sort_index").Select(Track).Distinct().Count());
        var process = Assert.Single(trace.Metadata("process_name"));
        Assert.Equal(Environment.ProcessId, Num(process, "pid"));
    }

    [Fact]
    public async Task StateSpansOfARealRunLieInsideTheRunAndShowEachWorkerSleeping()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), ThreeThreads);
        var trace = new ParsedTrace(events);

        var end = events.Max(e => e.T);
        var spans = trace.Phase("X");
        Assert.Equal(events.OfType<StateEvent>().Count(s => s.State != LaneState.Done), spans.Count);
        Assert.All(spans, span =>
        {
            Assert.InRange(Num(span, "dur"), 0, end);
            Assert.InRange(Num(span, "ts"), 0, end - Num(span, "dur"));
        });
        Assert.All(trace.Events.Where(e => e.TryGetProperty("ts", out _)), e => Assert.InRange(Num(e, "ts"), 0, end));
        foreach (var worker in events.OfType<LaneEvent>().Where(l => l.Name.StartsWith('T')))
        {
            var mine = spans.Where(s => Track(s) == (worker.Pid, worker.Tid!.Value)).Select(Name).ToList();
            Assert.Equal(["running", "sleeping", "running"], mine);
        }

        Assert.All(spans.Where(s => Name(s) == "running"), s => Assert.InRange(Arg(s, "core").GetInt32(), 0, Environment.ProcessorCount - 1));
        Assert.Contains(spans, s => Name(s) == "waiting" && Arg(s, "on").GetString()!.StartsWith("join T", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryPrintedLineIsAnInstantOnTheThreadThatPrintedIt()
    {
        var (_, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), ThreeThreads);
        var trace = new ParsedTrace(events);

        var lanes = events.OfType<LaneEvent>().ToDictionary(l => l.Lane);
        var printed = events.OfType<OutputEvent>().Select(o => (o.Text, (long)lanes[o.Lane].Tid!.Value)).ToList();
        var instants = trace.Phase("i").Where(e => Str(e, "cat") == "output").Select(e => (Arg(e, "text").GetString()!, Num(e, "tid")));
        Assert.Equal(3 * 2 + 3, printed.Count);
        Assert.Equal(printed, instants);
        Assert.Equal(["run started", "run completed"], trace.Phase("i").Where(e => Str(e, "s") == "g").Select(Name));
    }
}
