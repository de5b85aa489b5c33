using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// Turns a run's events, taken in log order, into Chrome trace events. A task lane's async slice is closed
/// when its next state arrives, so each "e" precedes the next "b" of that lane and the pairs nest.
/// </summary>
internal sealed class ChromeTraceWriter
{
    private readonly ChromeJson _json;
    private readonly TraceIndex _index;
    private readonly ChromeTracks _tracks;
    private readonly Dictionary<int, string> _openSlices = [];
    private readonly HashSet<int> _openTasks = [];
    private readonly Dictionary<int, int> _sliceThreads = [];
    private int _flows;

    public ChromeTraceWriter(ChromeJson json, TraceIndex index)
    {
        _json = json;
        _index = index;
        _tracks = new ChromeTracks(index);
    }

    public void WriteMetadata() => _tracks.WriteMetadata(_json);

    public void Write(int index, RunEvent e)
    {
        var writer = _json.Writer;
        switch (e)
        {
            case LaneEvent lane when _tracks[lane.Lane].IsAsync:
                OpenTask(lane, lane.T);
                break;
            case StateEvent state when _tracks[state.Lane].IsAsync:
                TaskState(index, state);
                break;
            case StateEvent { State: not LaneState.Done } state:
                var track = _tracks[state.Lane];
                _json.Open("X", TraceIndex.Name(state.State), "state", state.T, track.Pid, track.Tid);
                writer.WriteNumber("dur", Math.Max(0, _index.SpanEnd(index) - state.T));
                _json.Args();
                StateArgs(state, _index.Core(index));
                _json.Close();
                break;
            case OutputEvent output:
                Instant(output.Lane, output.Text, "output", output.T);
                writer.WriteString("text", output.Text);
                writer.WriteString("stream", TraceIndex.Name(output.Stream));
                _json.Close();
                break;
            case MarkEvent mark:
                Mark(mark);
                break;
            case CounterEvent counter:
                _json.Open("C", counter.Name, "counter", counter.T, _index.RunPid, null);
                _json.Args();
                writer.WriteNumber("value", counter.Value);
                _json.Close();
                break;
            case RunStatusEvent status:
                _json.Open("i", "run " + TraceIndex.Name(status.Status), "run", status.T, _index.RunPid, null);
                writer.WriteString("s", "g");
                _json.Args();
                writer.WriteString("status", TraceIndex.Name(status.Status));
                _json.Optional("detail", status.Detail);
                _json.Close();
                break;
        }
    }

    /// <summary>Ends what the log left open: a task still going when the log stopped ends with it.</summary>
    public void Finish()
    {
        foreach (var lane in _index.Lanes.Where(l => _openTasks.Contains(l.Lane)))
        {
            CloseTask(lane, _index.End);
        }
    }

    private void TaskState(int index, StateEvent state)
    {
        var lane = _index.Lane(state.Lane);
        if (state.State == LaneState.Done)
        {
            CloseTask(lane, state.T);
            return;
        }

        CloseSlice(lane, state.T);
        OpenTask(lane, state.T);
        var name = TraceIndex.Name(state.State);
        AsyncEvent("b", name, lane, state.T);
        StateArgs(state, _index.Core(index));
        _json.Optional("tid", state.Tid);
        _json.Close();
        _openSlices[lane.Lane] = name;
        if (state.Tid is { } tid)
        {
            _sliceThreads[lane.Lane] = tid;
        }
        else
        {
            _sliceThreads.Remove(lane.Lane);
        }
    }

    /// <summary>A lane-wide slice named after the task comes first, so Perfetto names the async track after it.</summary>
    private void OpenTask(LaneEvent lane, long t)
    {
        if (_openTasks.Add(lane.Lane))
        {
            AsyncEvent("b", lane.Name, lane, t);
            _json.Writer.WriteString("kind", TraceIndex.Name(lane.Kind));
            _json.Writer.WriteNumber("lane", lane.Lane);
            _json.Optional("parent", lane.Parent is { } parent ? _index.Lane(parent).Name : null);
            _json.Close();
        }
    }

    private void CloseTask(LaneEvent lane, long t)
    {
        CloseSlice(lane, t);
        if (_openTasks.Remove(lane.Lane))
        {
            AsyncEvent("e", lane.Name, lane, t);
            _json.Close();
        }
    }

    private void CloseSlice(LaneEvent lane, long t)
    {
        if (_openSlices.Remove(lane.Lane, out var open))
        {
            AsyncEvent("e", open, lane, t);
            _json.Close();
        }
    }

    private void Mark(MarkEvent mark)
    {
        Instant(mark.Lane, mark.Label, "mark", mark.T);
        _json.Optional("link", mark.Link is { } link ? _index.Lane(link).Name : null);
        _json.Close();
        if (mark.Link is { } woken && ThreadOf(mark.Lane) is { } from && ThreadOf(woken) is { } to)
        {
            var id = ++_flows;
            _json.Open("s", "wake", "wake", mark.T, from.Pid, from.Tid);
            _json.Writer.WriteNumber("id", id);
            _json.Args();
            _json.Close();
            _json.Open("f", "wake", "wake", mark.T, to.Pid, to.Tid);
            _json.Writer.WriteNumber("id", id);
            _json.Writer.WriteString("bp", "e");
            _json.Args();
            _json.Close();
        }
    }

    /// <summary>
    /// Flow arrows bind to slices on thread tracks; a task stands in with the OS thread running its slice,
    /// and gets no arrow when that thread has no lane of its own (the arrow would point at an empty track).
    /// </summary>
    private ChromeTrack? ThreadOf(int lane)
    {
        var track = _tracks[lane];
        if (!track.IsAsync)
        {
            return track;
        }

        return _sliceThreads.TryGetValue(lane, out var tid) && _tracks.HasThreadTrack(track.Pid, tid)
            ? track with { Tid = tid, IsAsync = false }
            : null;
    }

    /// <summary>Opens an instant on a lane's track and its args; a task's instants must share its async track's category.</summary>
    private void Instant(int laneId, string name, string category, long t)
    {
        var track = _tracks[laneId];
        if (track.IsAsync)
        {
            AsyncEvent("n", name, _index.Lane(laneId), t);
            _json.Writer.WriteString("kind", category);
            return;
        }

        _json.Open("i", name, category, t, track.Pid, track.Tid);
        _json.Writer.WriteString("s", "t");
        _json.Args();
    }

    /// <summary>Opens an async event of a task lane and its args; the lane id keys its track.</summary>
    private void AsyncEvent(string phase, string name, LaneEvent lane, long t)
    {
        var track = _tracks[lane.Lane];
        _json.Open(phase, name, "task", t, track.Pid, track.Tid);
        _json.Writer.WriteNumber("id", lane.Lane);
        _json.Args();
    }

    private void StateArgs(StateEvent state, int? core)
    {
        _json.Writer.WriteString("state", TraceIndex.Name(state.State));
        _json.Optional("on", state.On);
        _json.Writer.WriteBoolean("inferred", state.Inferred);
        _json.Optional("core", core);
    }
}
