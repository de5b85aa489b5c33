using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Locks;

/// <summary>Reads a run's log as spans: how long each lane stayed in each state.</summary>
internal static class LaneSpans
{
    public static int LaneNamed(RunEvent[] events, string name) => events.OfType<LaneEvent>().Single(l => l.Name == name).Lane;

    /// <summary>The spans (start, end, what it waited on) a lane spent in <paramref name="state"/>.</summary>
    public static List<(long Start, long End, string? On)> Spans(RunEvent[] events, int lane, LaneState state)
    {
        var mine = events.OfType<StateEvent>().Where(s => s.Lane == lane).ToList();
        var spans = new List<(long, long, string?)>();
        for (var i = 0; i < mine.Count; i++)
        {
            if (mine[i].State == state)
            {
                spans.Add((mine[i].T, i + 1 < mine.Count ? mine[i + 1].T : long.MaxValue, mine[i].On));
            }
        }

        return spans;
    }
}
