using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.ProcessLife;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.ProcessLife;

public partial class OrphanDemoTests
{
    [Fact]
    public async Task TheOrphansParentPidChangesWhenItsParentExits()
    {
        var (status, events) = await RunHarness.RunAsync(new OrphanDemo(), limits: Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var processes = events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Process).ToList();
        var p1 = processes.Single(p => p.Name == "P1");
        var orphan = processes.Single(p => p.Name == "P1.1");
        var parents = events.OfType<OutputEvent>()
            .Select(o => ParentLine().Match(o.Text))
            .Where(m => m.Success && m.Groups[1].Value == orphan.Pid.ToString())
            .Select(m => int.Parse(m.Groups[2].Value))
            .ToList();

        Assert.Equal(2, parents.Count);
        Assert.Equal(p1.Pid, parents[0]);
        Assert.NotEqual(parents[0], parents[1]);
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text.StartsWith($"the orphan's parent pid: {parents[0]} before, {parents[1]} after"));
    }

    [GeneratedRegex(@"^P1\.1 \(pid (\d+)\): my parent is (?:now )?pid (\d+)")]
    private static partial Regex ParentLine();
}
