using System.Text.Json;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>
/// The figures a learner compares runs by: how long it took, what it started, what it printed last, and
/// each counter's final value (for race-counter, the final n).
/// </summary>
public sealed record RunSummary(
    long DurationMicros,
    int Events,
    int Processes,
    int Threads,
    int Tasks,
    int OutputLines,
    IReadOnlyDictionary<string, double> Counters,
    string? LastLine)
{
    /// <summary>As stored in <see cref="Data.StoredRun.SummaryJson"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, EventJson.Options);

    /// <summary>The summary stored with a run, or null while it runs.</summary>
    public static RunSummary? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<RunSummary>(json, EventJson.Options);

    public static RunSummary Of(IReadOnlyList<RunEvent> events)
    {
        var lanes = events.OfType<LaneEvent>().ToList();
        var output = events.OfType<OutputEvent>().ToList();
        var counters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var counter in events.OfType<CounterEvent>())
        {
            counters[counter.Name] = counter.Value;
        }

        return new RunSummary(
            events.Count == 0 ? 0 : events.Max(e => e.T),
            events.Count,
            lanes.Count(l => l.Kind == LaneKind.Process),
            lanes.Count(l => l.Kind == LaneKind.Thread),
            lanes.Count(l => l.Kind is LaneKind.Task or LaneKind.Coroutine),
            output.Count,
            counters,
            output.LastOrDefault(o => o.Stream == OutputStream.Stdout)?.Text);
    }
}
