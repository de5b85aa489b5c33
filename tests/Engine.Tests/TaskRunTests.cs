using ConcurrencyLab.Engine.Demos.Tasks;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests;

[Collection(TimingSensitive.Name)]
public class TaskRunTests
{
    [Fact]
    public async Task ATaskResumesOnADifferentOsThreadThanItStartedOn()
    {
        var (status, events) = await RunHarness.RunAsync(new SpawnTasksDemo(), new Dictionary<string, string> { ["tasks"] = "16", ["awaits"] = "6", ["delay"] = "5", ["work"] = "4" });

        Assert.Equal(RunStatus.Completed, status);
        var tasks = events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Task).ToList();
        Assert.Equal(16, tasks.Count);
        Assert.All(tasks, t => Assert.Null(t.Tid));
        var threadsPerTask = tasks.Select(t => events.OfType<StateEvent>()
            .Where(s => s.Lane == t.Lane && s.State == LaneState.Running)
            .Select(s => s.Tid!.Value)
            .ToList()).ToList();
        Assert.All(threadsPerTask, slices => Assert.Equal(7, slices.Count));
        Assert.Contains(threadsPerTask, slices => slices.Distinct().Count() > 1);
    }
}
