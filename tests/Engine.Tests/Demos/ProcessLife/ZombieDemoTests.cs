using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.ProcessLife;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.ProcessLife;

public partial class ZombieDemoTests
{
    [Fact]
    public async Task TheGrandchildIsAZombieUntilItsParentReapsItThenItIsGone()
    {
        var (status, events) = await RunHarness.RunAsync(new ZombieDemo(), new Dictionary<string, string> { ["hold"] = "300" }, Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var p1 = events.OfType<LaneEvent>().Single(l => l.Kind == LaneKind.Process);
        var lines = events.OfType<OutputEvent>().Where(o => o.Lane == p1.Lane).Select(o => o.Text).ToList();
        var pid = int.Parse(Spawned().Match(lines[0]).Groups[1].Value);
        Assert.NotEqual(p1.Pid, pid);

        var zombie = lines.FindIndex(l => l.StartsWith($"grandchild pid {pid}: state Z (zombie"));
        var stillZombie = lines.FindIndex(l => l == $"grandchild pid {pid}: after 300 ms still state Z (zombie: exited, not yet reaped)");
        var reaped = lines.FindIndex(l => l == $"waitpid({pid}) returned {pid}: exit code 0");
        var gone = lines.FindIndex(l => l == $"grandchild pid {pid}: gone from /proc");
        Assert.True(zombie > 0, string.Join("\n", lines));
        Assert.True(stillZombie > zombie, string.Join("\n", lines));
        Assert.True(reaped > stillZombie, string.Join("\n", lines));
        Assert.True(gone > reaped, string.Join("\n", lines));
        Assert.Equal("exited normally (code 0)", events.OfType<MarkEvent>().Single(m => m.Lane == p1.Lane).Label);
    }

    [Fact]
    public async Task ItRunsWithItsDefaults()
    {
        var (status, events) = await RunHarness.RunAsync(new ZombieDemo(), limits: Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label.EndsWith(" is a zombie"));
    }

    [GeneratedRegex(@"started grandchild pid (\d+)")]
    private static partial Regex Spawned();
}
