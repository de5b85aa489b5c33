using System.Text.Json;
using ConcurrencyLab.Engine.Workers;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Portal.Tests;

public class ShutdownTests
{
    [Fact]
    public async Task StoppingThePortalMidRunLeavesNoProcessOfTheRun()
    {
        var portal = new PortalApplication();
        string token;
        await using (var hub = await RawHubClient.ConnectAsync(portal.Address))
        {
            var started = await hub.InvokeAsync("StartRun", "spawn-children", new { children = 2, grandchildren = 1, lines = 50, pause = 200 });
            var run = portal.Services.GetRequiredService<RunManager>().Find(started.GetProperty("result").GetString()!)!;
            token = run.Token;
            await foreach (var batch in hub.StreamAsync("Watch", [started.GetProperty("result").GetString(), 0]))
            {
                if (batch.GetProperty("events").EnumerateArray().Any(e => e.TryGetProperty("text", out var text) && text.GetString() == "1.1 line 1/50"))
                {
                    break;
                }
            }

            Assert.True(ProcessReaper.FindRunProcesses(token).Count >= 3);
        }

        await portal.DisposeAsync();

        Assert.Empty(ProcessReaper.FindRunProcesses(token));
    }

    [Fact]
    public async Task TheHubRefusesAnythingButJsonShapedInvocations()
    {
        await using var portal = new PortalApplication();
        await using var hub = await RawHubClient.ConnectAsync(portal.Address);

        await hub.SendRawAsync("{\"type\":1,\"target\":\"StartRun\",\"arguments\":");
        await hub.WaitForCloseAsync();

        Assert.True(hub.Closed);
        await using var next = await RawHubClient.ConnectAsync(portal.Address);
        var ok = await next.InvokeAsync("Cancel", "none");
        Assert.Equal(JsonValueKind.False, ok.GetProperty("result").ValueKind);
    }
}
