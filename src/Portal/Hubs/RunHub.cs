using System.Runtime.CompilerServices;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Localization;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Visitors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Hubs;

/// <summary>Starts runs, streams their events (live or stored) and cancels them.</summary>
public sealed class RunHub(RunManager runs, RunArchive archive, IOptions<RunsOptions> options) : Hub<IRunClient>
{
    /// <summary>Starts a demo; returns the run id, or fails with a message fit to show the learner, in their language.</summary>
    public async Task<string> StartRun(string demoId, Dictionary<string, JsonElement>? parameters)
    {
        try
        {
            return await runs.StartAsync(demoId, parameters?.ToDictionary(p => p.Key, p => AsText(p.Value)), Context.GetHttpContext()?.VisitorId());
        }
        catch (RunRefusedException ex)
        {
            throw Refusal(ex.Reason);
        }
        catch (UnknownDemoException ex)
        {
            throw Refusal(ex.Reason);
        }
        catch (DemoParameterException ex)
        {
            throw new HubException(ex.In(Language()));
        }
    }

    /// <summary>
    /// The run's events from sequence number <paramref name="from"/> on, in batches, until the run ends:
    /// live from memory while the run is held there, else from the database.
    /// </summary>
    public async IAsyncEnumerable<EventBatch> Watch(string runId, long from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (from < 0)
        {
            throw Refusal(UiText.BadSequenceNumber);
        }

        var events = runs.Find(runId) is { } run
            ? run.Log.ReadAsync(from, options.Value.BatchSize, options.Value.FlushInterval, cancellationToken)
            : await archive.FindAsync(runId) is not null
                ? archive.ReadAsync(runId, from, cancellationToken)
                : throw Refusal(UiText.NoSuchRun.Format(runId));
        await foreach (var batch in events)
        {
            yield return batch;
        }
    }

    /// <summary>Cancels a run; false when there is no such run in progress.</summary>
    public bool Cancel(string runId) => runs.Cancel(runId);

    /// <summary>The caller's language, resolved from the connection's request as pages resolve it.</summary>
    private string Language()
    {
        var language = new RequestLanguage();
        if (Context.GetHttpContext() is { } http)
        {
            language.Resolve(http.Request);
        }

        return language.Code;
    }

    private HubException Refusal(LocalizedText reason) => new(reason.In(Language()));

    private static string AsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
