using System.Globalization;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// Exports a run's event log as plain text a learner can read or paste: a header naming each lane, then
/// one line per event in sequence order with its time since the start, its lane and what happened.
/// Columns are aligned and numbers are written the same way whatever the machine's culture.
/// </summary>
public static class TextLogExporter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The text log of <paramref name="events"/>, given in sequence order.</summary>
    /// <param name="events">A run's log.</param>
    public static string Write(IReadOnlyList<RunEvent> events)
    {
        using var text = new StringWriter(Invariant) { NewLine = "\n" };
        Write(events, text);
        return text.ToString();
    }

    /// <summary>Writes the text log of <paramref name="events"/>, given in sequence order, to <paramref name="output"/>.</summary>
    /// <param name="events">A run's log.</param>
    /// <param name="output">Where the lines go; each ends with the writer's new line.</param>
    public static void Write(IReadOnlyList<RunEvent> events, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        var index = new TraceIndex(events);
        output.WriteLine("Lanes");
        var header = index.Lanes.Select(lane => new[]
        {
            "#" + lane.Lane.ToString(Invariant),
            lane.Name,
            TraceIndex.Name(lane.Kind),
            "pid " + lane.Pid.ToString(Invariant),
            lane.Tid is { } tid ? "tid " + tid.ToString(Invariant)
                : lane.Kind is LaneKind.Task or LaneKind.Coroutine ? "no fixed thread" : "tid unknown",
            lane.Parent is { } parent ? "parent " + index.Lane(parent).Name : "",
        }).ToList();
        WriteTable(output, header, "  ");

        output.WriteLine("Events");
        var rows = new List<string[]>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (Describe(index, i, events[i]) is { } what)
            {
                rows.Add([Time(events[i].T), LaneName(index, events[i]), what]);
            }
        }

        WriteTable(output, rows, "  ", rightAligned: 0);
    }

    private static string? Describe(TraceIndex index, int i, RunEvent e) => e switch
    {
        LaneEvent lane => string.Create(Invariant, $"appears ({TraceIndex.Name(lane.Kind)}, pid {lane.Pid}")
            + (lane.Tid is { } tid ? string.Create(Invariant, $", tid {tid})") : ")"),
        StateEvent state => State(state, index.Core(i)),
        OutputEvent { Stream: OutputStream.Stderr } output => "! " + output.Text,
        OutputEvent output => "| " + output.Text,
        MarkEvent mark => "mark: " + mark.Label + (mark.Link is { } link ? " → " + index.Lane(link).Name : ""),
        CpuEvent when index.IsFolded(i) => null,
        CpuEvent cpu => string.Create(Invariant, $"on core {cpu.Core}"),
        CounterEvent counter => string.Create(Invariant, $"counter {counter.Name} = {counter.Value}"),
        RunStatusEvent { Status: RunStatus.Queued, Detail: { } position } => $"run queued at position {position}",
        RunStatusEvent status => "run " + TraceIndex.Name(status.Status).Replace('-', ' ')
            + (status.Detail is { } detail ? ": " + detail : ""),
        _ => e.GetType().Name,
    };

    /// <summary>Only a running span names its core: a sleeping or waiting lane is on no core.</summary>
    private static string State(StateEvent state, int? core) =>
        TraceIndex.Name(state.State)
        + (state.On is { } on ? " on " + on : "")
        + (state.State == LaneState.Running && core is { } c ? string.Create(Invariant, $" on core {c}") : "")
        + (state.Tid is { } tid ? string.Create(Invariant, $" (tid {tid})") : "")
        + (state.Inferred ? " (inferred)" : "");

    private static string LaneName(TraceIndex index, RunEvent e) => e switch
    {
        LaneEvent lane => lane.Name,
        StateEvent state => index.Lane(state.Lane).Name,
        OutputEvent output => index.Lane(output.Lane).Name,
        MarkEvent mark => index.Lane(mark.Lane).Name,
        CpuEvent cpu => index.Lane(cpu.Lane).Name,
        _ => "",
    };

    private static string Time(long microseconds) =>
        "+" + (microseconds / 1000m).ToString("0.000", Invariant) + " ms";

    /// <summary>
    /// Pads every column but the last to its widest cell, so the last one can hold free text; that text is
    /// kept as printed, trailing spaces included.
    /// </summary>
    private static void WriteTable(TextWriter output, IReadOnlyList<string[]> rows, string indent, int rightAligned = -1)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell
                : c == rightAligned ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            var line = indent + string.Join("  ", cells);
            output.WriteLine(row[^1].Length == 0 ? line.TrimEnd() : line);
        }
    }
}
