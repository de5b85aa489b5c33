using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Coroutines;

/// <summary>One running span of a lane: from entering running to its next state, on the OS thread that ran it.</summary>
/// <summary>A running slice; <paramref name="Seq"/> is where it starts in the log, which orders slices that start in the same microsecond.</summary>
internal sealed record Slice(int Lane, long Start, long End, int? Tid, int Seq);

/// <summary>Reads lanes, running slices and resume delays out of a run's events.</summary>
internal static class Timeline
{
    public static LaneEvent Lane(RunEvent[] events, string name) => events.OfType<LaneEvent>().Single(l => l.Name == name);

    public static List<LaneEvent> Tasks(RunEvent[] events) => events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Task).ToList();

    public static List<StateEvent> States(RunEvent[] events, int lane) => events.OfType<StateEvent>().Where(s => s.Lane == lane).ToList();

    public static List<Slice> Running(RunEvent[] events, int lane)
    {
        var states = events.Select((e, seq) => (Event: e as StateEvent, Seq: seq)).Where(s => s.Event?.Lane == lane).ToList();
        var slices = new List<Slice>();
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i].Event!.State == LaneState.Running)
            {
                var end = i + 1 < states.Count ? states[i + 1].Event!.T : long.MaxValue;
                slices.Add(new Slice(lane, states[i].Event!.T, end, states[i].Event!.Tid, states[i].Seq));
            }
        }

        return slices;
    }

    /// <summary>For every sleep of a lane: how long after the planned wake-up (sleep start + <paramref name="planned"/>) it ran again, in µs.</summary>
    public static List<long> Lateness(RunEvent[] events, int lane, TimeSpan planned)
    {
        var states = States(events, lane);
        var late = new List<long>();
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i].State == LaneState.Sleeping && states.Skip(i + 1).FirstOrDefault(s => s.State == LaneState.Running) is { } resumed)
            {
                late.Add(resumed.T - (states[i].T + (long)planned.TotalMicroseconds));
            }
        }

        return late;
    }

    /// <summary>For every time a lane turned ready: how long it waited, in µs, until it ran.</summary>
    public static List<long> ReadyToRunning(RunEvent[] events, int lane)
    {
        var states = States(events, lane);
        return states.Select((s, i) => (s, i))
            .Where(x => x.s.State == LaneState.Ready && x.i + 1 < states.Count && states[x.i + 1].State == LaneState.Running)
            .Select(x => states[x.i + 1].T - x.s.T)
            .ToList();
    }

    public static List<string> Output(RunEvent[] events, int lane) => events.OfType<OutputEvent>().Where(o => o.Lane == lane).Select(o => o.Text).ToList();
}
