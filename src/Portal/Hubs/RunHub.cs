using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Hubs;

/// <summary>Starts runs, streams their events and cancels them.</summary>
public sealed class RunHub(RunManager runs, IOptions<RunsOptions> options) : Hub<IRunClient>
{
    /// <summary>Starts a demo; returns the run id, or fails with a message fit to show the learner.</summary>
    public string StartRun(string demoId, Dictionary<string, JsonElement>? parameters)
    {
        try
        {
            return runs.Start(demoId, parameters?.ToDictionary(p => p.Key, p => AsText(p.Value)));
        }
        catch (Exception ex) when (ex is UnknownDemoException or DemoParameterException or RunRefusedException)
        {
            throw new HubException(ex.Message);
        }
    }

    /// <summary>The run's events from sequence number <paramref name="from"/> on, in batches, until the run ends.</summary>
    public IAsyncEnumerable<EventBatch> Watch(string runId, long from, CancellationToken cancellationToken)
    {
        var run = runs.Find(runId) ?? throw new HubException($"There is no run '{runId}' in progress.");
        if (from < 0)
        {
            throw new HubException("'from' must be a sequence number, 0 or more.");
        }

        return run.Log.ReadAsync(from, options.Value.BatchSize, options.Value.FlushInterval, cancellationToken);
    }

    /// <summary>Cancels a run; false when there is no such run in progress.</summary>
    public bool Cancel(string runId) => runs.Cancel(runId);

    private static string AsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
