using ConcurrencyLab.Engine.Demos.Foundations;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Foundations;

public class SubmitStylesDemoTests
{
    private const long Io = 80; // ms; the jobs take 160, 120 and 80 ms of I/O, 360 ms in all

    [Fact]
    public async Task DefaultsRunToCompletion()
    {
        var (status, events) = await RunHarness.RunAsync(new SubmitStylesDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(3, IoSpans(events).Count);
    }

    [Fact]
    public async Task SynchronousCallerWaitsForEachJobInTurnSoTheTotalIsTheSum()
    {
        var events = await RunCompleted("sync");

        var io = IoSpans(events);
        var waits = MainSpans(events, LaneState.Waiting);
        Assert.Equal(3, waits.Count);
        for (var i = 0; i < 3; i++)
        {
            // The caller is waiting when job i's I/O ends, and only goes on after it.
            Assert.StartsWith("result of job", waits[i].On);
            Assert.True(waits[i].Start < io[i].End && waits[i].End >= io[i].End, $"the caller waits through job {i + 1}");
        }

        Assert.True(io[1].Start >= io[0].End && io[2].Start >= io[1].End, "one job at a time");
        Assert.True(io[2].End - io[0].Start >= (Io * 9 / 2 - 5) * 1000, "the total is at least the sum of the jobs");
    }

    [Fact]
    public async Task AsynchronousCallerKeepsWorkingWhileCallbacksReportEachResult()
    {
        var events = await RunCompleted("async-callback");

        var io = IoSpans(events);
        // All three jobs are in I/O at the same time, so the total is about the longest job, not the sum.
        Assert.True(io.Max(s => s.Start) < io.Min(s => s.End), "all three jobs are in I/O at the same time");

        var main = MainLane(events);
        var firstResult = io.Min(s => s.End);
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Lane == main && o.Text.StartsWith("caller: own work, step 2") && o.T < firstResult);
        Assert.Equal("all results", Assert.Single(MainSpans(events, LaneState.Waiting)).On); // one wait, at the end

        var callbacks = events.OfType<MarkEvent>().Where(m => m.Label == "callback").ToList();
        Assert.Equal(3, callbacks.Count);
        Assert.All(callbacks, c => Assert.Equal(main, c.Link));
        Assert.Equal(io.OrderBy(s => s.End).Select(s => s.Lane), callbacks.Select(c => c.Lane)); // in the order the jobs finished
        Assert.Equal("job 3", LaneName(events, callbacks[0].Lane));
    }

    [Fact]
    public async Task PollingCallerAsksSeveralTimesWithoutEverWaiting()
    {
        var events = await RunCompleted("polling");

        var io = IoSpans(events);
        var lastResult = io.Max(s => s.End);
        var polls = events.OfType<MarkEvent>().Where(m => m.Lane == MainLane(events) && m.Label.StartsWith("poll ")).ToList();
        Assert.True(polls.Count(p => p.T < lastResult) >= 3, $"{polls.Count} polls");
        Assert.EndsWith("3/3 done", polls[^1].Label);
        Assert.DoesNotContain(MainSpans(events, LaneState.Waiting), w => w.Start < lastResult);
    }

    private static async Task<RunEvent[]> RunCompleted(string mode)
    {
        var (status, events) = await RunHarness.RunAsync(new SubmitStylesDemo(), new Dictionary<string, string> { ["mode"] = mode, ["io"] = $"{Io}", ["poll"] = "20" });
        Assert.Equal(RunStatus.Completed, status);
        return events;
    }

    private static int MainLane(RunEvent[] events) => events.OfType<LaneEvent>().Single(l => l.Name == "main").Lane;

    private static string LaneName(RunEvent[] events, int lane) => events.OfType<LaneEvent>().Single(l => l.Lane == lane).Name;

    /// <summary>Each job's I/O span, in submission order.</summary>
    private static List<Span> IoSpans(RunEvent[] events) =>
        [.. events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("job ")).OrderBy(l => l.Name).Select(l => StateSpans(events, l.Lane, LaneState.Io).Single())];

    /// <summary>The caller's spans in a state, leaving out the run's own final join of lanes still ending.</summary>
    private static List<Span> MainSpans(RunEvent[] events, LaneState state) =>
        [.. StateSpans(events, MainLane(events), state).Where(s => s.On?.StartsWith("join ") != true)];

    private static List<Span> StateSpans(RunEvent[] events, int lane, LaneState state)
    {
        var states = events.OfType<StateEvent>().Where(s => s.Lane == lane).OrderBy(s => s.T).ToList();
        return [.. states.Zip(states.Skip(1)).Where(p => p.First.State == state).Select(p => new Span(lane, p.First.T, p.Second.T, p.First.On))];
    }

    private sealed record Span(int Lane, long Start, long End, string? On);
}
