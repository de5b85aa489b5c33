using ConcurrencyLab.Engine.Demos.Servers;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.Servers;

public class EchoServerDemoTests
{
    [Fact]
    public async Task EveryClientGetsItsEchoesFromAThreadPerConnectionServer()
    {
        var (status, events) = await RunHarness.RunAsync(new EchoServerDemo(), new Dictionary<string, string> { ["clients"] = "8", ["messages"] = "3", ["think"] = "5", ["server"] = "threads" });

        Assert.Equal(RunStatus.Completed, status);
        var connections = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("conn ")).ToList();
        Assert.Equal(8, connections.Count);
        Assert.All(connections, c => Assert.Equal(LaneKind.Thread, c.Kind));
        Assert.Equal(8, connections.Select(c => c.Tid).Distinct().Count());
        Assert.Equal(8, events.OfType<OutputEvent>().Count(o => o.Text.Contains("got back \"client")));
        Assert.Contains(events.OfType<OutputEvent>(), o => o.Text == "24 echoes" || o.Text.StartsWith("24 echoes,"));
        Assert.Contains(events.OfType<StateEvent>(), s => s.State == LaneState.Io && s.On == "recv");
    }

    [Fact]
    public async Task AnAsyncServerServesEveryConnectionWithFewerThreadsThanConnections()
    {
        var (status, events) = await RunHarness.RunAsync(new EchoServerDemo(), new Dictionary<string, string> { ["clients"] = "16", ["messages"] = "3", ["think"] = "10", ["server"] = "async" });

        Assert.Equal(RunStatus.Completed, status);
        var connections = events.OfType<LaneEvent>().Where(l => l.Name.StartsWith("conn ")).Select(l => l.Lane).ToHashSet();
        Assert.Equal(16, connections.Count);
        var serverThreads = events.OfType<StateEvent>().Where(s => connections.Contains(s.Lane) && s.Tid is not null).Select(s => s.Tid).Distinct().Count();
        Assert.InRange(serverThreads, 1, 15);
        Assert.InRange((int)events.OfType<CounterEvent>().Single(c => c.Name == "server threads").Value, serverThreads, 15);
        Assert.Equal(16, events.OfType<OutputEvent>().Count(o => o.Text.Contains("got back \"client")));
    }
}
