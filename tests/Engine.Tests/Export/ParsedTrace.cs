using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Export;

namespace ConcurrencyLab.Engine.Tests.Export;

/// <summary>A log exported as a Chrome trace and read back as a JSON document, with the lookups tests need.</summary>
internal sealed class ParsedTrace
{
    public ParsedTrace(IReadOnlyList<RunEvent> events)
    {
        using var document = JsonDocument.Parse(ChromeTraceExporter.ToJson(events));
        Root = document.RootElement.Clone();
        Events = [.. Root.GetProperty("traceEvents").EnumerateArray()];
    }

    public JsonElement Root { get; }

    public List<JsonElement> Events { get; }

    public List<JsonElement> Phase(string phase) => [.. Events.Where(e => Str(e, "ph") == phase)];

    public List<JsonElement> Metadata(string name) => [.. Phase("M").Where(e => Name(e) == name)];

    /// <summary>Async events of one task lane, in file order.</summary>
    public List<JsonElement> Task(int lane) =>
        [.. Events.Where(e => Str(e, "cat") == "task" && e.GetProperty("id").GetInt32() == lane)];

    public static string? Name(JsonElement e) => Str(e, "name");

    public static string? Str(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static long Num(JsonElement e, string property) => e.GetProperty(property).GetInt64();

    public static JsonElement Arg(JsonElement e, string property) => e.GetProperty("args").GetProperty(property);

    public static bool HasArg(JsonElement e, string property) => e.GetProperty("args").TryGetProperty(property, out _);

    public static (long Pid, long Tid) Track(JsonElement e) => (Num(e, "pid"), Num(e, "tid"));
}
