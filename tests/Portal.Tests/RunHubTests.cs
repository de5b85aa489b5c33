using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Portal.Tests;

public class RunHubTests(PortalApplication portal) : IClassFixture<PortalApplication>
{
    [Fact]
    public async Task SpawnThreadsStreamsEveryOutputLineExactlyOnceThenCompletes()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);

        var runId = await hub.StartRunAsync("spawn-threads", new { threads = 4, lines = 5, pause = 10 });
        var events = await hub.WatchToEndAsync(runId, 0);

        var lanes = events.Where(e => e.Kind() == "lane").ToDictionary(e => e.GetProperty("lane").GetInt32(), e => e.GetProperty("name").GetString()!);
        var lines = events.Where(e => e.Kind() == "out").Select(e => (Lane: lanes[e.GetProperty("lane").GetInt32()], Text: e.GetProperty("text").GetString()!)).ToList();
        var workerLines = lines.Where(l => l.Lane != "main").ToList();
        Assert.Equal(20, workerLines.Count);
        Assert.Equal(20, workerLines.Distinct().Count());
        Assert.All(workerLines, l => Assert.StartsWith(l.Lane + " line ", l.Text));
        foreach (var worker in new[] { "T1", "T2", "T3", "T4" })
        {
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{worker} line {i}/5"), workerLines.Where(l => l.Lane == worker).Select(l => l.Text.Split(':')[0]));
        }

        var end = events[^1];
        Assert.Equal("run", end.Kind());
        Assert.Equal("completed", end.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AClassOfSixtyWatchingOneLiveRunEachGetTheWholeRunAsStored()
    {
        var students = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => RawHubClient.ConnectAsync(portal.Address)));
        try
        {
            var runId = await students[0].StartRunAsync("spawn-threads", new { threads = 8, lines = 20, pause = 20 });

            var watched = await Task.WhenAll(students.Select(s => s.WatchToEndAsync(runId, 0)));

            await portal.WaitForEndedRunAsync(runId);
            var stored = await portal.Services.GetRequiredService<RunArchive>().LoadEventsAsync(runId);
            var expected = stored!.Select(e => JsonSerializer.Serialize(e, EventJson.Options)).ToList();
            Assert.True(expected.Count > 160, "8 threads × 20 lines and their lanes");
            Assert.All(watched, events => Assert.Equal(expected, events.Select(e => e.GetRawText())));
        }
        finally
        {
            foreach (var student in students)
            {
                await student.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AFinishedRunIsStoredWithItsWholeLogInTheDatabaseFile()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var runId = await hub.StartRunAsync("spawn-threads", new { threads = 2, lines = 2, pause = 0 });
        var events = await hub.WatchToEndAsync(runId, 0);

        var stored = await portal.WaitForEndedRunAsync(runId);

        Assert.Equal("spawn-threads", stored.DemoId);
        Assert.Equal("completed", stored.Status);
        Assert.Equal(events.Count, stored.EventCount);
        var log = await portal.Services.GetRequiredService<RunArchive>().LoadEventsAsync(runId);
        Assert.Equal(events.Select(e => e.GetRawText()), log!.Select(e => JsonSerializer.Serialize(e, EventJson.Options)));
        Assert.True(File.Exists(portal.DatabasePath));
    }

    [Theory]
    [InlineData("spawn-threads", "{\"threads\":99}", "Threads (threads) must be between 1 and 16; got 99.")]
    [InlineData("spawn-threads", "{\"threads\":0}", "Threads (threads) must be between 1 and 16; got 0.")]
    [InlineData("spawn-threads", "{\"threads\":\"many\"}", "Threads (threads) must be a whole number")]
    [InlineData("spawn-threads", "{\"colour\":1}", "Unknown parameter 'colour'")]
    [InlineData("no-such-demo", "{}", "There is no demo called 'no-such-demo'.")]
    public async Task BadRunRequestsGetAClearErrorAndStartNothing(string demo, string parameters, string expected)
    {
        var runs = portal.Services.GetRequiredService<RunManager>();
        var before = runs.Count;
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);

        var completion = await hub.InvokeAsync("StartRun", demo, JsonDocument.Parse(parameters).RootElement);

        Assert.Contains(expected, completion.GetProperty("error").GetString());
        Assert.False(completion.TryGetProperty("result", out _));
        Assert.Equal(before, runs.Count);
    }

    [Theory]
    [InlineData("spawn-threads", "{\"threads\":99}", "“线程数”（threads）必须在 1 到 16 之间，收到的是 99。")]
    [InlineData("spawn-threads", "{\"threads\":\"many\"}", "“线程数”（threads）必须是整数，收到的是 'many'。")]
    [InlineData("spawn-threads", "{\"colour\":1}", "没有名为 'colour' 的参数。")]
    [InlineData("no-such-demo", "{}", "没有名为 'no-such-demo' 的演示。")]
    public async Task AReaderOfChineseGetsTheErrorInChinese(string demo, string parameters, string expected)
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address, cookie: "lang=zh");

        var completion = await hub.InvokeAsync("StartRun", demo, JsonDocument.Parse(parameters).RootElement);

        Assert.Contains(expected, completion.GetProperty("error").GetString());
    }

    [Fact]
    public async Task WhenTheQueueIsFullANewRunIsRefusedWithAReasonAndTheQueuedOnesSayTheirPlace()
    {
        await using var busy = PortalApplication.With(new()
        {
            ["Runs:MaxConcurrent"] = "1", ["Runs:QueueLimit"] = "2", ["Runs:MaxGoingPerVisitor"] = "10",
        });
        await using var hub = await RawHubClient.ConnectAsync(busy.Address);
        var longRun = new { threads = 1, lines = 20, pause = 200 };
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await hub.StartRunAsync("spawn-threads", longRun));
        }

        var refused = await Assert.ThrowsAsync<HubErrorException>(() => hub.StartRunAsync("spawn-threads", longRun));

        Assert.Contains("The server is busy: 2 runs are waiting already", refused.Message);
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            await hub.InvokeAsync("Cancel", id);
        }

        var last = await hub.WatchToEndAsync(ids[^1]);
        Assert.Contains(last, e => e.Kind() == "run" && e.GetProperty("status").GetString() == "queued");
        Assert.Equal("cancelled", last[^1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task MalformedHubMessagesGetAnErrorAndTheConnectionKeepsWorking()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);

        var wrongTypes = await hub.InvokeAsync("StartRun", 42, "not an object");
        var unknownMethod = await hub.InvokeAsync("FormatDisk", "/");
        var unknownRun = await hub.InvokeAsync("Cancel", "nope");

        Assert.True(wrongTypes.TryGetProperty("error", out _));
        Assert.True(unknownMethod.TryGetProperty("error", out _));
        Assert.False(unknownRun.GetProperty("result").GetBoolean());
        var ok = await hub.InvokeAsync("StartRun", "spawn-threads", new { threads = 1, lines = 1, pause = 0 });
        Assert.Equal(JsonValueKind.String, ok.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task WatchingAnUnknownRunIsAClearError()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);

        var error = await Assert.ThrowsAsync<HubErrorException>(() => hub.WatchToEndAsync("0123456789abcdef", 0));

        Assert.Contains("There is no run '0123456789abcdef'", error.Message);
    }

    [Fact]
    public async Task AnOversizedHubMessageClosesOnlyThatConnection()
    {
        await using var greedy = await RawHubClient.ConnectAsync(portal.Address);
        await using var polite = await RawHubClient.ConnectAsync(portal.Address);

        await greedy.SendRawAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "StartRun", arguments = new object[] { new string('x', 20_000), new { } } }));
        await greedy.WaitForCloseAsync();

        Assert.True(greedy.Closed);
        var ok = await polite.InvokeAsync("StartRun", "spawn-threads", new { threads = 1, lines = 1, pause = 0 });
        Assert.Equal(JsonValueKind.String, ok.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task CancelStopsARunningDemoPromptly()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var runId = await hub.StartRunAsync("spawn-threads", new { threads = 4, lines = 20, pause = 200 });

        var cancelled = await hub.InvokeAsync("Cancel", runId);
        var events = await hub.WatchToEndAsync(runId, 0);

        Assert.True(cancelled.GetProperty("result").GetBoolean());
        var end = events[^1];
        Assert.Equal("cancelled", end.GetProperty("status").GetString());
        Assert.InRange(end.GetProperty("t").GetInt64(), 0, 2_000_000);
    }

    [Fact]
    public async Task AProcessDemoStreamsTheLanesOfRealChildProcesses()
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);
        var runId = await hub.StartRunAsync("spawn-children", new { children = 2, lines = 2, pause = 10 });

        var events = await hub.WatchToEndAsync(runId, 0);

        var processes = events.Where(e => e.Kind() == "lane" && e.GetProperty("kind").GetString() == "process").ToList();
        Assert.Equal(2, processes.Count);
        Assert.All(processes, p => Assert.NotEqual(Environment.ProcessId, p.GetProperty("pid").GetInt32()));
        var childThreads = events.Where(e => e.Kind() == "lane" && e.TryGetProperty("parent", out var parent)
            && processes.Any(p => p.GetProperty("lane").GetInt32() == parent.GetInt32())).ToList();
        Assert.Equal(2, childThreads.Count);
        Assert.Equal("completed", events[^1].GetProperty("status").GetString());
    }
}
