using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.ProcessLife;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.ProcessLife;

public partial class DaemonChildDemoTests
{
    [Theory]
    [InlineData("return")]
    [InlineData("killed")]
    public async Task ADaemonChildEndsWithItsParentBeforeFinishingItsWork(string end)
    {
        var (status, events) = await RunHarness.RunAsync(new DaemonChildDemo(), new Dictionary<string, string> { ["end"] = end }, Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var texts = events.OfType<OutputEvent>().Select(o => o.Text).ToList();
        Assert.DoesNotContain("D: all steps done", texts);
        Assert.Contains("D: step 1/30", texts);
        var gone = Gone().Match(texts.Single(t => Gone().IsMatch(t)));
        Assert.InRange(int.Parse(gone.Groups[1].Value), 0, 1000);
        var p1Exit = events.OfType<MarkEvent>().Single(m => m.Label.StartsWith(end == "killed" ? "killed by signal 9" : "exited normally"));
        var lastStep = events.OfType<OutputEvent>().Last(o => o.Text.StartsWith("D: step "));
        Assert.True(lastStep.T < p1Exit.T + 500_000, $"D still counted {(lastStep.T - p1Exit.T) / 1000} ms after P1 ended");
    }

    [Fact]
    public async Task AJoinedChildFinishesBeforeItsParentEnds()
    {
        var (status, events) = await RunHarness.RunAsync(new DaemonChildDemo(), new Dictionary<string, string> { ["child"] = "joined", ["work"] = "200" }, Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var done = events.OfType<OutputEvent>().Single(o => o.Text == "D: all steps done");
        var p1 = events.OfType<LaneEvent>().Single(l => l.Name == "P1");
        var p1Exit = events.OfType<MarkEvent>().Single(m => m.Lane == p1.Lane && m.Label.StartsWith("exited"));
        Assert.True(done.T < p1Exit.T);
    }

    [GeneratedRegex(@"^D \(pid \d+\) was gone (\d+) ms after P1's end was seen")]
    private static partial Regex Gone();
}
