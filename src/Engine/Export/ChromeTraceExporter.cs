using System.Text;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Export;

/// <summary>
/// Exports a run's event log as a Chrome trace (the JSON object form of the Trace Event Format), which
/// Perfetto and chrome://tracing open: a named track per thread or process lane with its state spans,
/// an async track per task or coroutine lane, marks and output as instants, "who woke whom" as flow
/// arrows, counters as counter tracks and run status changes as global instants.
/// </summary>
public static class ChromeTraceExporter
{
    /// <summary>Writes the trace of <paramref name="events"/>, given in sequence order, to <paramref name="output"/> as UTF-8.</summary>
    /// <param name="events">A run's log; times are microseconds, the trace's own unit.</param>
    /// <param name="output">Where the JSON goes; it is flushed, not closed.</param>
    public static void Write(IReadOnlyList<RunEvent> events, Stream output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output);
        var trace = new ChromeTraceWriter(new ChromeJson(writer), new TraceIndex(events));
        writer.WriteStartObject();
        writer.WriteStartArray("traceEvents");
        trace.WriteMetadata();
        for (var i = 0; i < events.Count; i++)
        {
            trace.Write(i, events[i]);
        }

        trace.Finish();
        writer.WriteEndArray();
        writer.WriteString("displayTimeUnit", "ms");
        writer.WriteEndObject();
    }

    /// <summary>The trace of <paramref name="events"/> as a JSON string.</summary>
    /// <param name="events">A run's log, in sequence order.</param>
    public static string ToJson(IReadOnlyList<RunEvent> events)
    {
        using var buffer = new MemoryStream();
        Write(events, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
