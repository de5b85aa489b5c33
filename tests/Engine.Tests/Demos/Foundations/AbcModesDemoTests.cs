using ConcurrencyLab.Engine.Demos.Foundations;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Foundations;

public class AbcModesDemoTests
{
    [Fact]
    public async Task DefaultsRunToCompletion()
    {
        var (status, events) = await RunHarness.RunAsync(new AbcModesDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(3, Jobs(events).Count);
    }

    [Fact]
    public async Task SerialModeNeverRunsTwoJobsAtOnceAndFinishesEachBeforeTheNext()
    {
        var events = await RunCompleted("serial");

        var jobs = Jobs(events);
        Assert.Empty(Overlaps(RunningSpans(events, jobs)));
        var done = jobs.Values.Select(id => events.OfType<StateEvent>().Single(s => s.Lane == id && s.State == LaneState.Done).T).ToList();
        var appeared = jobs.Values.Select(id => events.OfType<LaneEvent>().Single(l => l.Lane == id).T).ToList();
        Assert.True(appeared[1] > done[0] && appeared[2] > done[1], "B starts after A is done, C after B");
    }

    [Fact]
    public async Task OneCoreModeTimeSlicesTheJobsOnOneCoreAndNeverRunsTwoAtOnce()
    {
        var events = await RunCompleted("one-core");

        var jobs = Jobs(events);
        // Each thread pins itself as it starts, before it parks for the start signal; every slice after that is on one core.
        var parked = events.OfType<StateEvent>().Where(s => s.On == "start signal").ToDictionary(s => s.Lane, s => s.T);
        Assert.Equal(3, parked.Count);
        var spans = RunningSpans(events, jobs).Where(s => s.Start > parked[s.Lane]).ToList();
        var cores = spans.Select(s => CoreAt(events, s.Lane, s.End)).Distinct().ToList();
        Assert.Single(cores);
        Assert.Empty(Overlaps(RunningSpans(events, jobs)));

        // Time slicing: every job runs in several slices, and the jobs take turns before any of them ends.
        Assert.All(jobs.Values, id => Assert.True(spans.Count(s => s.Lane == id) >= 3, "each job runs in several slices"));
        var firstEnd = spans.GroupBy(s => s.Lane).Min(g => g.Max(s => s.End));
        Assert.All(jobs.Values, id => Assert.Contains(spans, s => s.Lane == id && s.Start < firstEnd));
    }

    [Fact]
    public async Task ParallelModeCanRunJobsOnDifferentCoresAtTheSameTime()
    {
        if (Environment.ProcessorCount < 2)
        {
            return; // parallelism needs a second core
        }

        // Where threads run is the OS's choice, and a server busy with other work may keep them on one core
        // for a whole short run; so give it a few runs to show two at once.
        var seen = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var events = await RunCompleted("parallel");
            var jobs = Jobs(events);
            var overlaps = Overlaps(RunningSpans(events, jobs));
            var cores = events.OfType<CpuEvent>().Where(c => jobs.ContainsValue(c.Lane)).Select(c => c.Core).Distinct().Count();
            if (cores >= 2 && overlaps.Any(o => CoreAt(events, o.Item1.Lane, o.Item1.End) != CoreAt(events, o.Item2.Lane, o.Item2.End)))
            {
                return;
            }

            seen.Add($"{cores} core(s), {overlaps.Count} overlap(s)");
        }

        Assert.Fail("no run had two jobs running on different cores at once: " + string.Join("; ", seen));
    }

    private static async Task<RunEvent[]> RunCompleted(string mode)
    {
        var (status, events) = await RunHarness.RunAsync(new AbcModesDemo(), new Dictionary<string, string> { ["mode"] = mode, ["work"] = "60" });
        Assert.Equal(RunStatus.Completed, status);
        return events;
    }

    private static Dictionary<string, int> Jobs(RunEvent[] events) =>
        events.OfType<LaneEvent>().Where(l => l.Name is "A" or "B" or "C").OrderBy(l => l.Name).ToDictionary(l => l.Name, l => l.Lane);

    /// <summary>Each span a job spent in the running state, from entering it to its next state change.</summary>
    private static List<Span> RunningSpans(RunEvent[] events, Dictionary<string, int> jobs)
    {
        var spans = new List<Span>();
        foreach (var id in jobs.Values)
        {
            long? start = null;
            foreach (var state in events.OfType<StateEvent>().Where(s => s.Lane == id).OrderBy(s => s.T))
            {
                if (state.State == LaneState.Running)
                {
                    start ??= state.T;
                }
                else if (start is { } began)
                {
                    spans.Add(new Span(id, began, state.T));
                    start = null;
                }
            }
        }

        return spans;
    }

    /// <summary>The core a lane last reported at time <paramref name="t"/> (a lane reports its core when it changes).</summary>
    private static int CoreAt(RunEvent[] events, int lane, long t) =>
        events.OfType<CpuEvent>().Where(c => c.Lane == lane && c.T <= t).MaxBy(c => c.T)!.Core;

    private static List<(Span, Span)> Overlaps(List<Span> spans) =>
        [.. from a in spans from b in spans where a.Lane < b.Lane && a.Start < b.End && b.Start < a.End select (a, b)];

    private sealed record Span(int Lane, long Start, long End);
}
