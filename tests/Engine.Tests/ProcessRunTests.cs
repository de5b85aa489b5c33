using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Tests;

[Collection(TimingSensitive.Name)]
public class ProcessRunTests
{
    private static readonly SpawnChildrenDemo Demo = new();

    [Fact]
    public async Task FourChildrenAreRealProcessesOfThisProcessOnOneTimeAxis()
    {
        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "4", ["lines"] = "3", ["pause"] = "20" });

        Assert.Equal(RunStatus.Completed, status);
        var lanes = events.OfType<LaneEvent>().ToList();
        var processes = lanes.Where(l => l.Kind == LaneKind.Process).ToList();
        Assert.Equal(4, processes.Count);
        Assert.Equal(4, processes.Select(p => p.Pid).Distinct().Count());
        Assert.DoesNotContain(processes, p => p.Pid == Environment.ProcessId);
        foreach (var process in processes)
        {
            var childMain = lanes.Single(l => l.Parent == process.Lane && l.Kind == LaneKind.Thread);
            Assert.Equal(process.Pid, childMain.Pid);
            Assert.True(childMain.T >= process.T, "the child's first event comes after the parent saw it start");
            var output = events.OfType<OutputEvent>().Where(o => o.Lane == process.Lane).Select(o => o.Text).ToList();
            var name = process.Name[1..];
            Assert.Equal($"child {name}: pid {process.Pid}, parent pid {Environment.ProcessId}", output[0]);
            Assert.Equal([$"{name} line 1/3", $"{name} line 2/3", $"{name} line 3/3"], output.Skip(1));
        }

        Assert.Equal(4, events.OfType<MarkEvent>().Count(m => m.Label == "exited normally (code 0)"));
    }

    [Fact]
    public async Task ChildAndParentClocksAgreeWithinAMillisecond()
    {
        var (_, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "2", ["lines"] = "8", ["pause"] = "20" });

        var gaps = new List<long>();
        foreach (var process in events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Process))
        {
            var childMain = events.OfType<LaneEvent>().Single(l => l.Parent == process.Lane);
            var lines = events.OfType<OutputEvent>().Where(o => o.Lane == process.Lane).ToList();

            // After each sleep the child stamps "running" itself, then writes a line to stdout; the parent stamps that line when it reads it.
            var wakes = events.OfType<StateEvent>().Where(s => s.Lane == childMain.Lane && s.State == LaneState.Running).Skip(1).ToList();
            Assert.Equal(7, wakes.Count);
            gaps.AddRange(wakes.Select(wake => lines.First(l => l.T >= wake.T).T - wake.T));
            Assert.All(lines.Skip(2).Zip(wakes), pair => Assert.True(pair.First.T >= pair.Second.T, $"the parent saw '{pair.First.Text}' before the child woke to write it"));
        }

        Assert.True(gaps.Min() < 1_000, $"closest agreement {gaps.Min()} µs; all: {string.Join(", ", gaps)}");
    }

    [Fact]
    public async Task TimestampsNeverGoBackwardsWithinALane()
    {
        var (_, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "3", ["grandchildren"] = "1", ["lines"] = "4", ["pause"] = "5" });

        Assert.True(events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Process) == 6);
        foreach (var lane in events.Where(e => LaneOf(e) is not null).GroupBy(LaneOf))
        {
            var times = lane.Select(e => e.T).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task ACrashingChildEndsAloneAndTheOthersFinish()
    {
        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "3", ["crash"] = "2", ["lines"] = "3", ["pause"] = "30" });

        Assert.Equal(RunStatus.Completed, status);
        var marks = events.OfType<MarkEvent>().Select(m => m.Label).ToList();
        Assert.Equal(2, marks.Count(m => m == "exited normally (code 0)"));
        Assert.Contains("killed by signal 6 (code 134)", marks);
        var output = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.Contains("2 crashes now", output);
        Assert.Contains("1 line 3/3", output);
        Assert.Contains("3 line 3/3", output);
        Assert.DoesNotContain("2 line 2/3", output);
    }

    [Fact]
    public async Task CancellingLeavesNoProcessOfTheRunNotEvenGrandchildren()
    {
        // A generous wall time: on a loaded machine a worker can take seconds to start, and this test cancels, not times out.
        await using var run = RunHarness.Create(
            Demo, new Dictionary<string, string> { ["children"] = "2", ["grandchildren"] = "2", ["lines"] = "50", ["pause"] = "200" }, new RunLimits { WallTime = TimeSpan.FromSeconds(60) });
        run.Start();
        await RunHarness.WaitForAsync(run, e => e is OutputEvent { Text: "2.2 line 1/50" } || e is OutputEvent { Text: "1.2 line 1/50" });
        Assert.True(ProcessReaper.FindRunProcesses(run.Token).Count >= 4);

        run.Cancel();
        var status = await run.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(RunStatus.Cancelled, status);
        RunHarness.AssertNothingLeft(run);
    }

    [Fact]
    public async Task ARunPastItsWallTimeIsKilledAtTimePlusGrace()
    {
        var limits = new RunLimits { WallTime = TimeSpan.FromSeconds(1), KillGrace = TimeSpan.FromMilliseconds(500) };

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "2", ["grandchildren"] = "1", ["lines"] = "50", ["pause"] = "200" }, limits);

        Assert.Equal(RunStatus.TimedOut, status);
        Assert.InRange(events[^1].T, 1_000_000, 1_000_000 + 500_000 + 2_500_000);
    }

    [Fact]
    public async Task DisposingARunLeavesNoProcess()
    {
        var run = RunHarness.Create(Demo, new Dictionary<string, string> { ["children"] = "2", ["lines"] = "50", ["pause"] = "200" });
        run.Start();
        await RunHarness.WaitForAsync(run, e => e is OutputEvent { Text: "1 line 1/50" });

        await run.DisposeAsync();

        RunHarness.AssertNothingLeft(run);
    }

    [Fact]
    public async Task AChildThatPrintsTooMuchEndsTheRunTruncated()
    {
        var limits = new RunLimits { MaxOutputBytes = 500 };

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "2", ["lines"] = "50", ["pause"] = "0" }, limits);

        Assert.Equal(RunStatus.Truncated, status);
        Assert.Contains("output limit", Assert.IsType<RunStatusEvent>(events[^1]).Detail);
    }

    [Fact]
    public async Task ProcessesBeyondTheLimitAreRefused()
    {
        var limits = new RunLimits { MaxProcesses = 2 };

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "4", ["lines"] = "1" }, limits);

        Assert.Equal(RunStatus.Failed, status);
        Assert.Equal(2, events.OfType<LaneEvent>().Count(l => l.Kind == LaneKind.Process));
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label == "process refused: limit is 2");
    }

    [Fact]
    public async Task AWorkerThatAllocatesPastItsMemoryLimitFailsAndIsReported()
    {
        var limits = new RunLimits { WorkerMemoryBytes = 64 << 20 };

        var (status, events) = await RunHarness.RunAsync(Demo, new Dictionary<string, string> { ["children"] = "1", ["memory"] = "200" }, limits);

        Assert.Equal(RunStatus.Completed, status);
        var said = string.Join("\n", events.OfType<OutputEvent>().Select(o => $"{o.Stream}: {o.Text}"));
        Assert.True(events.OfType<MarkEvent>().Any(m => m.Label == "ran out of memory (limit 64 MiB)"), "the worker said:\n" + said);
        // Our handler says "out of memory"; when the runtime gives up first, it names the OutOfMemoryException.
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Stream == OutputStream.Stderr && ChildProcess.SaysOutOfMemory(o.Text));
        var pid = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process).Pid;
        // Our own handler exits with its code; when the runtime itself cannot allocate, it aborts (SIGABRT).
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text == $"P1 (pid {pid}) exited with code {WorkerProtocol.OutOfMemoryExitCode}" || o.Text == $"P1 (pid {pid}) exited with code 134");
    }

    [Fact]
    public async Task TheReaperKillsWorkersWhosePortalIsGone()
    {
        var info = new System.Diagnostics.ProcessStartInfo("sleep", "30");
        info.Environment[WorkerProtocol.RunVariable] = "run-left-behind";
        info.Environment[WorkerProtocol.OwnerVariable] = "999999";
        using var leftover = System.Diagnostics.Process.Start(info)!;

        var killed = ProcessReaper.ReapLeftovers();

        Assert.True(killed >= 1);
        Assert.True(leftover.WaitForExit(5_000));
        Assert.Empty(ProcessReaper.FindRunProcesses("run-left-behind"));
    }

    internal static int? LaneOf(RunEvent e) => e switch
    {
        LaneEvent l => l.Lane,
        StateEvent s => s.Lane,
        OutputEvent o => o.Lane,
        CpuEvent c => c.Lane,
        MarkEvent m => m.Lane,
        _ => null,
    };
}
