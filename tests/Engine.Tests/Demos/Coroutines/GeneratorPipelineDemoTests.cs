using ConcurrencyLab.Engine.Demos.Coroutines;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Coroutines;

public class GeneratorPipelineDemoTests
{
    private static readonly string[] Stages = ["source", "filter", "map", "sink"];

    [Fact]
    public async Task DefaultRunCompletesWithEveryStageDone()
    {
        var (status, events) = await RunHarness.RunAsync(new GeneratorPipelineDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.All(Stages, name => Assert.Equal(LaneState.Done, Timeline.States(events, Timeline.Lane(events, name).Lane)[^1].State));
        Assert.Equal(["sink: got 1", "sink: got 9", "sink: got 25", "sink: got 49", "sink: got 81"],
            Timeline.Output(events, Timeline.Lane(events, "sink").Lane).Where(l => l.StartsWith("sink: got", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AllStagesRunOnOneThreadOneAtATime()
    {
        var (_, events) = await RunHarness.RunAsync(new GeneratorPipelineDemo(), new Dictionary<string, string> { ["take"] = "8" });

        var thread = Timeline.Lane(events, "pipeline thread");
        var slices = Stages.SelectMany(name => Timeline.Running(events, Timeline.Lane(events, name).Lane)).OrderBy(s => s.Seq).ToList();
        Assert.True(slices.Count > 4 * 8, $"only {slices.Count} running slices");
        Assert.All(slices, s => Assert.Equal(thread.Tid, s.Tid));
        for (var i = 1; i < slices.Count; i++)
        {
            Assert.True(slices[i].Start >= slices[i - 1].End, $"slice of lane {slices[i].Lane} starts inside one of lane {slices[i - 1].Lane}");
        }
    }

    [Fact]
    public async Task ItemsFlowOneAtATimeFromAnEndlessSource()
    {
        var (_, events) = await RunHarness.RunAsync(new GeneratorPipelineDemo(), new Dictionary<string, string> { ["take"] = "8" });

        var source = Timeline.Lane(events, "source").Lane;
        var filter = Timeline.Lane(events, "filter").Lane;
        var sink = Timeline.Lane(events, "sink").Lane;
        var produced = events.OfType<OutputEvent>().Where(o => o.Lane == source).ToList();
        Assert.Equal(15, produced.Count); // 8 odd numbers need 1..15, and not one more
        var firstFiltered = events.OfType<OutputEvent>().First(o => o.Lane == filter);
        var firstResult = events.OfType<OutputEvent>().First(o => o.Lane == sink && o.Text.StartsWith("sink: got", StringComparison.Ordinal));
        Assert.True(firstFiltered.T < produced[1].T, "the filter ran only after the source produced its second number");
        Assert.True(firstResult.T < produced[^1].T, "the sink got its first result only after the source was done");
    }
}
