using System.Net;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>Runs are written to SQLite while they run, and the stored log serves watchers, late joiners and restarts.</summary>
public class RunStorageTests
{
    [Fact]
    public async Task AReconnectingWatcherAndALateJoinerFromTheDatabaseBothGetExactlyTheStoredLog()
    {
        // Finished runs leave memory at once: the late joiner can only be served from the database.
        await using var portal = PortalApplication.With(new() { ["Runs:KeepFinished"] = "00:00:00" });
        await using var first = await RawHubClient.ConnectAsync(portal.Address);
        var runId = await first.StartRunAsync("spawn-threads", new { threads = 3, lines = 10, pause = 30 });
        var seen = new List<JsonElement>();
        await foreach (var batch in first.StreamAsync("Watch", [runId, 0]))
        {
            seen.AddRange(batch.GetProperty("events").EnumerateArray());
            if (seen.Count >= 10)
            {
                break;
            }
        }

        first.Abort();
        await using var second = await RawHubClient.ConnectAsync(portal.Address);
        seen.AddRange(await second.WatchToEndAsync(runId, seen.Count));
        await portal.WaitForEndedRunAsync(runId);
        await WaitUntilAsync(() => portal.Services.GetRequiredService<RunManager>().Find(runId) is null);

        await using var late = await RawHubClient.ConnectAsync(portal.Address);
        var whole = await late.WatchToEndAsync(runId);

        var stored = (await portal.Services.GetRequiredService<RunArchive>().LoadEventsAsync(runId))!
            .Select(e => JsonSerializer.Serialize(e, EventJson.Options)).ToList();
        Assert.Equal(stored, seen.Select(e => e.GetRawText()));
        Assert.Equal(stored, whole.Select(e => e.GetRawText()));
        Assert.Equal("completed", whole[^1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TwentyRunsRecordingAtOnceLoseNothingAndNeverMeetALockedDatabase()
    {
        var logs = new LogCollector();
        await using var portal = PortalApplication.With(
            new() { ["Runs:MaxConcurrent"] = "20", ["Runs:RecordInterval"] = "00:00:00.010" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var runs = portal.Services.GetRequiredService<RunManager>();

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var hub = await RawHubClient.ConnectAsync(portal.Address);
            return await hub.StartRunAsync("spawn-threads", new { threads = 4, lines = 20, pause = 5 });
        }));
        var stored = await Task.WhenAll(ids.Select(portal.WaitForEndedRunAsync));

        var archive = portal.Services.GetRequiredService<RunArchive>();
        foreach (var (id, run) in ids.Zip(stored))
        {
            var live = runs.Find(id)!.Log;
            var events = await archive.LoadEventsAsync(id);
            Assert.Equal("completed", run.Status);
            Assert.Equal(live.Count, run.EventCount);
            Assert.Equal(live.Slice(0, live.Count), events);
        }

        Assert.True(stored.Sum(r => r.EventCount) > 20 * 60, "every run wrote many chunks while others did");
        Assert.DoesNotContain(logs.Entries, e => e.Contains("locked", StringComparison.OrdinalIgnoreCase) || e.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APortalKilledMidRunComesBackWithTheRunInterruptedItsEventsKeptAndNoChildLeft()
    {
        await WithPortalProcessesAsync(async start =>
        {
            var (runId, lastSeen, ownerPid) = await StopMidRunAsync(start, portal => portal.KillAsync());

            // The workers die with the portal (PR_SET_PDEATHSIG), grandchildren with their parents.
            await WaitUntilAsync(() => ProcessReaper.FindOwnedProcesses(ownerPid).Count == 0);

            await using var restarted = await start();
            using var http = new HttpClient { BaseAddress = restarted.Address };
            var page = await http.GetStringAsync($"/runs/{runId}");
            Assert.Contains("data-status=\"interrupted\"", page);

            await using var hub = await RawHubClient.ConnectAsync(restarted.Address);
            var events = await hub.WatchToEndAsync(runId);
            Assert.Equal("interrupted", events[^1].GetProperty("status").GetString());
            var lastStored = events.Where(e => e.Kind() != "run").Max(e => e.GetProperty("t").GetInt64());
            Assert.True(lastStored >= lastSeen - 1_000_000, $"stored up to {lastStored} µs; the watcher had seen {lastSeen} µs before the kill");
            Assert.Empty(ProcessReaper.FindOwnedProcesses(ownerPid));
        });
    }

    [Fact]
    public async Task APortalStoppedInOrderMidRunStoresTheRunAsCancelledAndLeavesNoChild()
    {
        await WithPortalProcessesAsync(async start =>
        {
            var (runId, _, ownerPid) = await StopMidRunAsync(start, portal => portal.StopAsync());
            Assert.Empty(ProcessReaper.FindOwnedProcesses(ownerPid));

            await using var restarted = await start();
            await using var hub = await RawHubClient.ConnectAsync(restarted.Address);
            var events = await hub.WatchToEndAsync(runId);
            Assert.Equal("cancelled", events[^1].GetProperty("status").GetString());
            Assert.DoesNotContain(events, e => e.Kind() == "run" && e.GetProperty("status").GetString() == "interrupted");
        });
    }

    [Fact]
    public async Task RetentionDeletesTheOldestEndedRunsAndTheirPagesAnswerAFriendly404()
    {
        await using var portal = PortalApplication.With(new() { ["Runs:Retention:MaxRuns"] = "3" });
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = await hub.StartRunAsync("spawn-threads", new { threads = 1, lines = 1, pause = 0 });
            await portal.WaitForEndedRunAsync(id);
            ids.Add(id);
        }

        var running = await hub.StartRunAsync("spawn-threads", new { threads = 1, lines = 20, pause = 200 });
        await portal.Services.GetRequiredService<RunRetention>().PruneAsync();

        var archive = portal.Services.GetRequiredService<RunArchive>();
        using var http = portal.CreatePlainClient();
        foreach (var id in ids.Take(3))
        {
            Assert.Null(await archive.FindAsync(id));
            using var gone = await http.GetAsync($"/runs/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("not-found", await gone.Content.ReadAsStringAsync());
        }

        Assert.All(ids.Skip(3), id => Assert.NotNull(archive.FindAsync(id).Result));
        Assert.NotNull(await archive.FindAsync(running));
        using var kept = await http.GetAsync($"/runs/{ids[^1]}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        await hub.InvokeAsync("Cancel", running);
    }

    [Fact]
    public async Task RetentionAlsoHoldsToItsAgeAndByteLimits()
    {
        await using var portal = new PortalApplication();
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await hub.StartRunAsync("spawn-threads", new { threads = 2, lines = 3, pause = 0 }));
            await portal.WaitForEndedRunAsync(ids[^1]);
        }

        var store = portal.Services.GetRequiredService<RunStore>();
        var archive = portal.Services.GetRequiredService<RunArchive>();
        var newest = (await archive.FindAsync(ids[^1]))!;

        var bySize = await store.PruneAsync(new RetentionOptions { MaxBytes = newest.StoredBytes }, DateTime.UtcNow);
        Assert.Equal(ids.Take(2), bySize);

        var byAge = await store.PruneAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) }, DateTime.UtcNow.AddDays(2));
        Assert.Equal([ids[^1]], byAge);
        Assert.Null(await archive.FindAsync(ids[^1]));
    }

    /// <summary>Runs <paramref name="test"/> with a way to start the built portal as a process on one database file.</summary>
    private static async Task WithPortalProcessesAsync(Func<Func<Task<PortalProcess>>, Task> test)
    {
        var data = Directory.CreateTempSubdirectory("concurrency-lab-process-");
        try
        {
            var settings = new Dictionary<string, string> { ["Data__DatabasePath"] = Path.Combine(data.FullName, "portal.db") };
            var dll = PortalProcess.BuiltPortal();
            await test(() => PortalProcess.StartAsync(dll, PortalApplication.RepositoryRoot, settings));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Starts a portal, runs two children with a grandchild each until the run is two seconds old, then stops
    /// the portal with <paramref name="stop"/>. Returns the run, the latest moment a watcher saw, and the portal's pid.
    /// </summary>
    private static async Task<(string RunId, long LastSeen, int OwnerPid)> StopMidRunAsync(
        Func<Task<PortalProcess>> start, Func<PortalProcess, Task> stop)
    {
        await using var portal = await start();
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var runId = await hub.StartRunAsync("spawn-children", new { children = 2, grandchildren = 1, lines = 50, pause = 200 });
        long lastSeen = 0;
        await foreach (var batch in hub.StreamAsync("Watch", [runId, 0]))
        {
            lastSeen = Math.Max(lastSeen, batch.GetProperty("events").EnumerateArray().Max(e => e.GetProperty("t").GetInt64()));
            if (lastSeen >= 2_000_000)
            {
                break;
            }
        }

        Assert.True(ProcessReaper.FindOwnedProcesses(portal.Pid).Count >= 4, "two children and their grandchildren are running");
        await stop(portal);
        return (runId, lastSeen, portal.Pid);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
