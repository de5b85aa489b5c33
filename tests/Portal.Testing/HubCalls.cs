using System.Text.Json;

namespace ConcurrencyLab.Portal.Testing;

/// <summary>The portal's hub methods as a test calls them.</summary>
public static class HubCalls
{
    /// <summary>Starts a run and returns its id; a refusal throws <see cref="HubErrorException"/>.</summary>
    public static async Task<string> StartRunAsync(this RawHubClient hub, string demo, object parameters) =>
        Result(await hub.InvokeAsync("StartRun", demo, parameters));

    /// <summary>The result of a completed invocation; its error throws <see cref="HubErrorException"/>.</summary>
    public static string Result(JsonElement completion) =>
        completion.TryGetProperty("result", out var result) ? result.GetString()! : throw new HubErrorException(completion.GetProperty("error").GetString()!);

    /// <summary>Every event of a run from <paramref name="from"/> until it ends, checking that batches are consecutive.</summary>
    public static async Task<List<JsonElement>> WatchToEndAsync(this RawHubClient hub, string runId, int from = 0)
    {
        var events = new List<JsonElement>();
        await foreach (var batch in hub.StreamAsync("Watch", [runId, from]))
        {
            if (batch.GetProperty("first").GetInt32() != from + events.Count)
            {
                throw new InvalidOperationException($"Batch starts at {batch.GetProperty("first")}, expected {from + events.Count}.");
            }

            events.AddRange(batch.GetProperty("events").EnumerateArray());
        }

        return events;
    }

    /// <summary>An event's kind: "lane", "state", "out"...</summary>
    public static string Kind(this JsonElement e) => e.GetProperty("k").GetString()!;
}
