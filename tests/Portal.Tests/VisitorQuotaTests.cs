using ConcurrencyLab.Portal.Testing;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>A flood of Run clicks from one visitor is refused with a reason, and other visitors do not notice.</summary>
public class VisitorQuotaTests
{
    private static readonly object LongRun = new { threads = 1, lines = 20, pause = 200 };

    [Fact]
    public async Task AVisitorMayHaveTwoRunsGoingAndIsToldWhyAThirdWaits()
    {
        await using var portal = new PortalApplication();
        await using var alice = await RawHubClient.ConnectAsync(portal.Address, cookie: "cl_visitor=" + new string('a', 32));
        await using var bob = await RawHubClient.ConnectAsync(portal.Address, cookie: "cl_visitor=" + new string('b', 32));

        var first = await alice.StartRunAsync("spawn-threads", LongRun);
        await alice.StartRunAsync("spawn-threads", LongRun);
        var refused = await Assert.ThrowsAsync<HubErrorException>(() => alice.StartRunAsync("spawn-threads", LongRun));
        var bobs = await bob.StartRunAsync("spawn-threads", LongRun);

        Assert.Contains("You already have 2 runs going", refused.Message);
        await alice.InvokeAsync("Cancel", first);
        await portal.WaitForEndedRunAsync(first);
        var again = await alice.StartRunAsync("spawn-threads", LongRun);
        foreach (var id in new[] { again, bobs })
        {
            await alice.InvokeAsync("Cancel", id);
        }
    }

    [Fact]
    public async Task AChineseReaderIsToldWhyInChinese()
    {
        await using var portal = PortalApplication.With(new() { ["Runs:MaxGoingPerVisitor"] = "1" });
        await using var hub = await RawHubClient.ConnectAsync(portal.Address, cookie: $"cl_visitor={new string('d', 32)}; lang=zh");

        var first = await hub.StartRunAsync("spawn-threads", LongRun);
        var refused = await Assert.ThrowsAsync<HubErrorException>(() => hub.StartRunAsync("spawn-threads", LongRun));

        Assert.Contains("你已经有 1 次运行正在进行", refused.Message);
        await hub.InvokeAsync("Cancel", first);
    }

    [Fact]
    public async Task AVisitorMayStartSoManyRunsAMinute()
    {
        await using var portal = PortalApplication.With(new() { ["Runs:MaxPerVisitorPerMinute"] = "3" });
        await using var hub = await RawHubClient.ConnectAsync(portal.Address, cookie: "cl_visitor=" + new string('c', 32));

        for (var i = 0; i < 3; i++)
        {
            await portal.WaitForEndedRunAsync(await hub.StartRunAsync("spawn-threads", new { threads = 1, lines = 1, pause = 0 }));
        }

        var refused = await Assert.ThrowsAsync<HubErrorException>(() => hub.StartRunAsync("spawn-threads", new { threads = 1, lines = 1, pause = 0 }));
        Assert.Contains("You started 3 runs in the last minute", refused.Message);
    }
}
