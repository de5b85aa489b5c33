using ConcurrencyLab.Engine.Demos.Processes;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

public class SubprocessPipeDemoTests
{
    [Fact]
    public async Task LineByLineEachAnswerComesBackBeforeTheNextLineGoesOut()
    {
        var (status, events) = await RunHarness.RunAsync(new SubprocessPipeDemo(), new Dictionary<string, string> { ["lines"] = "3", ["style"] = "lockstep" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var parent = events.OfType<OutputEvent>().Where(o => o.Text.StartsWith("parent", StringComparison.Ordinal)).Select(o => o.Text);
        Assert.Equal(
            [
                "parent → pipes carry bytes", "parent ← PIPES CARRY BYTES!",
                "parent → one way each", "parent ← ONE WAY EACH!",
                "parent → the reader waits", "parent ← THE READER WAITS!",
                "parent ← end of input after 3 lines; bye",
                "parent: child exited with code 0",
            ],
            parent);
    }

    [Fact]
    public async Task AllAtOnceTheChildAnswersEverythingAfterStdinIsClosed()
    {
        var (status, events) = await RunHarness.RunAsync(new SubprocessPipeDemo(), new Dictionary<string, string> { ["lines"] = "4", ["style"] = "batch" }, LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
        var parent = events.OfType<OutputEvent>().Where(o => o.Text.StartsWith("parent", StringComparison.Ordinal)).Select(o => o.Text).ToList();
        Assert.Equal(4, parent.IndexOf("parent: closed the child's stdin"));
        Assert.Equal(["PIPES CARRY BYTES!", "ONE WAY EACH!", "THE READER WAITS!", "UNTIL THE WRITER WRITES!", "end of input after 4 lines; bye"], parent.Skip(5).Take(5).Select(p => p["parent ← ".Length..]));
        var child = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Lane == child.Lane && m.Label == "exited normally (code 0)");
    }

    [Fact]
    public async Task RunsWithItsDefaults()
    {
        var (status, _) = await RunHarness.RunAsync(new SubprocessPipeDemo(), limits: LoadTolerantLimits.Value);

        Assert.Equal(RunStatus.Completed, status);
    }
}
