using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// Assigns every lane its track, so that no two lanes draw overlapping spans on one thread track, and
/// names the tracks: viewers otherwise show bare pids and tids.
/// </summary>
internal sealed class ChromeTracks
{
    private readonly TraceIndex _index;
    private readonly Dictionary<int, ChromeTrack> _tracks = [];
    private readonly HashSet<(int Pid, int Tid)> _threadTracks = [];

    public ChromeTracks(TraceIndex index)
    {
        _index = index;
        foreach (var lane in index.Lanes.Where(l => l.Kind == LaneKind.Thread))
        {
            AddThreadTrack(lane, lane.Tid ?? lane.Lane);
        }

        foreach (var lane in index.Lanes.Where(l => l.Kind == LaneKind.Process))
        {
            // A process lane draws on its main thread's track unless a thread lane already stands for that thread.
            var tid = lane.Tid ?? lane.Pid;
            AddThreadTrack(lane, _threadTracks.Contains((lane.Pid, tid)) ? lane.Lane : tid);
        }

        foreach (var lane in index.Lanes.Where(l => l.Kind is LaneKind.Task or LaneKind.Coroutine))
        {
            _tracks[lane.Lane] = new ChromeTrack(lane.Pid, lane.Pid, IsAsync: true);
        }
    }

    /// <summary>The track of a lane.</summary>
    public ChromeTrack this[int lane] => _tracks[lane];

    /// <summary>True when a thread or process lane draws on (pid, tid), so a flow arrow there has a slice to bind to.</summary>
    public bool HasThreadTrack(int pid, int tid) => _threadTracks.Contains((pid, tid));

    /// <summary>
    /// Names every process that holds a lane or the run's counters (after its process lane, else "run"),
    /// and every thread track after its lane, sorted in the order the lanes appeared.
    /// </summary>
    public void WriteMetadata(ChromeJson json)
    {
        var processNames = new Dictionary<int, string>();
        foreach (var lane in _index.Lanes.Where(l => l.Kind == LaneKind.Process))
        {
            processNames.TryAdd(lane.Pid, $"{lane.Name} (pid {lane.Pid})");
        }

        var pids = _index.Lanes.Select(l => l.Pid);
        foreach (var pid in (_index.Count > 0 ? pids.Prepend(_index.RunPid) : pids).Distinct())
        {
            json.Open("M", "process_name", null, 0, pid, null);
            json.Args();
            json.Writer.WriteString("name", processNames.GetValueOrDefault(pid) ?? $"run (pid {pid})");
            json.Close();
        }

        for (var order = 0; order < _index.Lanes.Count; order++)
        {
            var lane = _index.Lanes[order];
            var track = _tracks[lane.Lane];
            if (track.IsAsync)
            {
                continue;
            }

            json.Open("M", "thread_name", null, 0, track.Pid, track.Tid);
            json.Args();
            json.Writer.WriteString("name", lane.Name);
            json.Close();
            json.Open("M", "thread_sort_index", null, 0, track.Pid, track.Tid);
            json.Args();
            json.Writer.WriteNumber("sort_index", order);
            json.Close();
        }
    }

    private void AddThreadTrack(LaneEvent lane, int tid)
    {
        _tracks[lane.Lane] = new ChromeTrack(lane.Pid, tid, IsAsync: false);
        _threadTracks.Add((lane.Pid, tid));
    }
}
