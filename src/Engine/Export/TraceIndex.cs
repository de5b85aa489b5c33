using System.Text.Json;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// What both exporters must know before they write the first line: every lane, where each state span
/// ends and which core it ran on. One pass up front lets the writers then go through the log in order.
/// </summary>
internal sealed class TraceIndex
{
    private readonly Dictionary<int, LaneEvent> _lanes = [];
    private readonly List<LaneEvent> _order = [];
    private readonly long[] _spanEnds;
    private readonly int?[] _cores;
    private readonly bool[] _folded;

    public TraceIndex(IReadOnlyList<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _spanEnds = new long[events.Count];
        _cores = new int?[events.Count];
        _folded = new bool[events.Count];
        var open = new Dictionary<int, int>();
        var measured = new HashSet<int>();
        var lastCore = new Dictionary<int, int>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            End = Math.Max(End, e.T);
            switch (e)
            {
                case LaneEvent lane when _lanes.TryAdd(lane.Lane, lane):
                    _order.Add(lane);
                    break;
                case StateEvent state:
                    if (open.Remove(state.Lane, out var previous))
                    {
                        _spanEnds[previous] = state.T;
                    }

                    _cores[i] = lastCore.TryGetValue(state.Lane, out var core) ? core : null;
                    if (state.State != LaneState.Done)
                    {
                        open[state.Lane] = i;
                    }

                    break;
                case CpuEvent cpu:
                    lastCore[cpu.Lane] = cpu.Core;

                    // Lane.Enter logs the state first and measures the core just after, so the first core
                    // reported inside a running span is the core that span ran on, not the previous one.
                    if (open.TryGetValue(cpu.Lane, out var span)
                        && events[span] is StateEvent { State: LaneState.Running }
                        && measured.Add(span))
                    {
                        _cores[span] = cpu.Core;
                        _folded[i] = true;
                    }

                    break;
            }
        }

        foreach (var span in open.Values)
        {
            _spanEnds[span] = End;
        }

        RunPid = (_order.FirstOrDefault(l => l.Parent is null) ?? _order.FirstOrDefault())?.Pid ?? 0;
        AddStandIns(events);
    }

    /// <summary>Number of events in the log.</summary>
    public int Count => _spanEnds.Length;

    /// <summary>Lanes in the order they appeared.</summary>
    public IReadOnlyList<LaneEvent> Lanes => _order;

    /// <summary>The latest timestamp in the log; spans still open there end at it.</summary>
    public long End { get; }

    /// <summary>The process the run's root lane lives in; counters and run status go there.</summary>
    public int RunPid { get; }

    /// <summary>The lane with this id.</summary>
    public LaneEvent Lane(int id) => _lanes[id];

    /// <summary>When the span begun by the state event at <paramref name="index"/> ends.</summary>
    public long SpanEnd(int index) => _spanEnds[index];

    /// <summary>The core of the span begun at <paramref name="index"/>: measured inside it, else the last one known.</summary>
    public int? Core(int index) => _cores[index];

    /// <summary>True when the CPU event at <paramref name="index"/> is already told by its span's core.</summary>
    public bool IsFolded(int index) => _folded[index];

    /// <summary>Kebab-case name of an enum value, the same spelling as the event JSON ("timed-out").</summary>
    public static string Name(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>
    /// A truncated log can mention lanes whose appearance it never recorded; they get a plain thread lane
    /// so every event still has a track and a name.
    /// </summary>
    private void AddStandIns(IReadOnlyList<RunEvent> events)
    {
        foreach (var e in events)
        {
            var (lane, link) = e switch
            {
                StateEvent s => (s.Lane, null),
                OutputEvent o => (o.Lane, null),
                CpuEvent c => (c.Lane, null),
                MarkEvent m => (m.Lane, m.Link),
                _ => ((int?)null, (int?)null),
            };
            foreach (var id in new[] { lane, link })
            {
                if (id is { } known && !_lanes.ContainsKey(known))
                {
                    var standIn = new LaneEvent(0, known, null, LaneKind.Thread, $"lane {known}", RunPid, null, null);
                    _lanes.Add(known, standIn);
                    _order.Add(standIn);
                }
            }
        }
    }
}
