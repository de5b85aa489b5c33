using ConcurrencyLab.Engine.Demos.Together;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.Together;

public class ProcessesThreadsTasksDemoTests
{
    [Fact]
    public async Task LanesNestProcessThenThreadThenTask()
    {
        var (status, events) = await RunHarness.RunAsync(
            new ProcessesThreadsTasksDemo(),
            new Dictionary<string, string> { ["processes"] = "2", ["threads"] = "2", ["tasks"] = "5", ["steps"] = "2", ["wait"] = "20" });

        Assert.Equal(RunStatus.Completed, status);
        var lanes = events.OfType<LaneEvent>().ToDictionary(l => l.Lane);
        var processes = lanes.Values.Where(l => l.Kind == LaneKind.Process).ToList();
        Assert.Equal(2, processes.Count);
        Assert.Equal(2, processes.Select(p => p.Pid).Distinct().Count());
        Assert.DoesNotContain(processes, p => p.Pid == Environment.ProcessId);

        // Walks up from a lane to the process lane it belongs to.
        LaneEvent ProcessOf(LaneEvent lane)
        {
            while (lane.Kind != LaneKind.Process)
            {
                lane = lanes[lane.Parent!.Value];
            }

            return lane;
        }

        var tasks = lanes.Values.Where(l => l.Kind == LaneKind.Task).ToList();
        Assert.Equal(2 * 2 * 5, tasks.Count);
        var threadsOfTasks = tasks.Select(t => lanes[t.Parent!.Value]).ToList();
        Assert.All(threadsOfTasks, t => Assert.Equal(LaneKind.Thread, t.Kind));
        Assert.All(threadsOfTasks.Zip(tasks), pair => Assert.Equal(pair.First.Pid, pair.Second.Pid));
        foreach (var process in processes)
        {
            var hosts = threadsOfTasks.Where(t => ProcessOf(t).Lane == process.Lane).DistinctBy(t => t.Lane).ToList();
            Assert.Equal(2, hosts.Count);
            Assert.All(hosts, h => Assert.Equal(process.Pid, h.Pid));
            Assert.Equal(10, tasks.Count(t => ProcessOf(t).Lane == process.Lane));
        }

        // Each task ran only on the thread it is drawn under (its loop), not on the thread pool.
        var tidOfThread = threadsOfTasks.DistinctBy(t => t.Lane).ToDictionary(t => t.Lane, t => t.Tid);
        foreach (var task in tasks)
        {
            var ranOn = events.OfType<StateEvent>().Where(s => s.Lane == task.Lane && s.Tid is not null).Select(s => s.Tid).Distinct().ToList();
            Assert.Equal([tidOfThread[task.Parent!.Value]], ranOn);
        }

        Assert.Equal(2, events.OfType<MarkEvent>().Count(m => m.Label == "exited normally (code 0)"));
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, events) = await RunHarness.RunAsync(new ProcessesThreadsTasksDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(2 * 2 * 8, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Task));
    }
}
