using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Export;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Downloads of a run: Chrome Trace Event JSON (opens in Perfetto) and a plain text log.</summary>
public static class RunExports
{
    public static IEndpointRouteBuilder MapRunExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/runs/{id}/trace.json", async (string id, RunManager runs, RunArchive archive) =>
            await EventsAsync(id, runs, archive) is { } events
                ? Results.File(Encoding.UTF8.GetBytes(ChromeTraceExporter.ToJson(events)), "application/json", $"run-{id}.trace.json")
                : Results.NotFound());
        endpoints.MapGet("/runs/{id}/log.txt", async (string id, RunManager runs, RunArchive archive) =>
            await EventsAsync(id, runs, archive) is { } events
                ? Results.File(Encoding.UTF8.GetBytes(TextLogExporter.Write(events)), "text/plain; charset=utf-8", $"run-{id}.txt")
                : Results.NotFound());
        return endpoints;
    }

    /// <summary>A finished run's log from memory or the database; a run still going has nothing to export yet.</summary>
    private static async Task<IReadOnlyList<RunEvent>?> EventsAsync(string id, RunManager runs, RunArchive archive)
    {
        if (runs.Find(id) is { } run)
        {
            return run.Log.IsCompleted ? run.Log.Slice(0, run.Log.Count) : null;
        }

        return await archive.LoadEventsAsync(id);
    }
}
