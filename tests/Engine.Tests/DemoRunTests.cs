using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests;

public class DemoRunTests
{
    [Fact]
    public async Task RunStartsAndEndsWithStatusEvents()
    {
        var (status, events) = await RunHarness.RunAsync(new SpawnThreadsDemo());

        Assert.Equal(RunStatus.Completed, status);
        Assert.Equal(RunStatus.Started, Assert.IsType<RunStatusEvent>(events[0]).Status);
        Assert.Equal(RunStatus.Completed, Assert.IsType<RunStatusEvent>(events[^1]).Status);
    }

    [Fact]
    public async Task CancelledRunEndsCancelledWithinTheGraceAndItsThreadsAreGone()
    {
        var run = RunHarness.Create(new SpawnThreadsDemo(), new Dictionary<string, string> { ["lines"] = "20", ["pause"] = "200" });
        run.Start();
        await run.Log.WaitForMoreAsync(5);
        run.Cancel();

        var status = await run.Completion.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(RunStatus.Cancelled, status);
        RunHarness.AssertNothingLeft(run);
        var events = run.Log.Slice(0, run.Log.Count);
        var lanes = events.OfType<LaneEvent>().Select(l => l.Lane).ToHashSet();
        var done = events.OfType<StateEvent>().Where(s => s.State == LaneState.Done).Select(s => s.Lane).ToHashSet();
        Assert.Equal(lanes, done);
    }

    [Fact]
    public async Task RunPastItsWallTimeEndsTimedOut()
    {
        var limits = new RunLimits { WallTime = TimeSpan.FromMilliseconds(300) };

        var (status, events) = await RunHarness.RunAsync(
            new SpawnThreadsDemo(), new Dictionary<string, string> { ["lines"] = "20", ["pause"] = "200" }, limits);

        Assert.Equal(RunStatus.TimedOut, status);
        var end = Assert.IsType<RunStatusEvent>(events[^1]);
        Assert.InRange(end.T, 300_000, 300_000 + 2_000_000);
    }

    [Fact]
    public async Task RunThatPrintsTooMuchEndsTruncated()
    {
        var limits = new RunLimits { MaxOutputBytes = 500 };

        var (status, events) = await RunHarness.RunAsync(
            new SpawnThreadsDemo(), new Dictionary<string, string> { ["threads"] = "8", ["lines"] = "20", ["pause"] = "0" }, limits);

        Assert.Equal(RunStatus.Truncated, status);
        Assert.Contains("output limit", Assert.IsType<RunStatusEvent>(events[^1]).Detail);
    }

    [Fact]
    public async Task RunOverItsEventCapEndsTruncated()
    {
        var limits = new RunLimits { MaxEvents = 100 };

        var (status, events) = await RunHarness.RunAsync(
            new SpawnThreadsDemo(), new Dictionary<string, string> { ["threads"] = "16", ["lines"] = "20", ["pause"] = "0" }, limits);

        Assert.Equal(RunStatus.Truncated, status);
        Assert.InRange(events.Length, 100, 116);
    }

    [Fact]
    public async Task ThreadsBeyondTheLimitAreRefusedAndTheRunFails()
    {
        var limits = new RunLimits { MaxThreads = 2 };

        var (status, events) = await RunHarness.RunAsync(new SpawnThreadsDemo(), new Dictionary<string, string> { ["threads"] = "4" }, limits);

        Assert.Equal(RunStatus.Failed, status);
        Assert.Equal(3, events.OfType<LaneEvent>().Count());
        Assert.Contains(events.OfType<MarkEvent>(), m => m.Label.StartsWith("thread refused"));
    }

    [Fact]
    public async Task ADemoThatThrowsStillLogsTheLastEventsOfTheThreadsItStarted()
    {
        var (status, events) = await RunHarness.RunAsync(new ThrowsAfterStartingAThread());

        Assert.Equal(RunStatus.Failed, status);
        var slow = events.OfType<LaneEvent>().Single(l => l.Name == "slow").Lane;
        Assert.Contains(events, e => e is OutputEvent { Text: "slow: still here" });
        Assert.Equal(LaneState.Done, events.OfType<StateEvent>().Last(s => s.Lane == slow).State);
        Assert.IsType<RunStatusEvent>(events[^1]);
    }

    [Fact]
    public async Task AThreadOutOfMemoryFailsTheRunWithoutReadingTheMessage()
    {
        var demo = new RunsOutOfMemory();

        var (status, events) = await RunHarness.RunAsync(demo);

        Assert.Equal(RunStatus.Failed, status);
        Assert.False(demo.Error.WasRead);
        Assert.Equal("out of memory", Assert.IsType<RunStatusEvent>(events[^1]).Detail);
        Assert.Contains(events, e => e is OutputEvent { Text: "OutOfMemoryException: out of memory", Stream: OutputStream.Stderr });
    }

    [Theory]
    [InlineData("threads", "0", "between 1 and 16")]
    [InlineData("threads", "17", "between 1 and 16")]
    [InlineData("threads", "four", "whole number")]
    [InlineData("colour", "blue", "Unknown parameter")]
    public void ParametersOutOfRangeAreRefusedWithAClearMessage(string name, string value, string expected)
    {
        var demo = new SpawnThreadsDemo();

        var error = Assert.Throws<DemoParameterException>(() =>
            DemoParameters.Bind(demo.Info.Parameters, new Dictionary<string, string> { [name] = value }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void UnknownDemoIsAClearError()
    {
        var error = Assert.Throws<UnknownDemoException>(() => DemoCatalog.CreateDefault().Get("no-such-demo"));
        Assert.Contains("no-such-demo", error.Message);
    }

    [Fact]
    public void ChoiceParametersTakeANameOrAnIndexAndRefuseOthers()
    {
        DemoParameter[] declared =
        [
            DemoParameter.Choice("mode", new("Mode", "模式"), [new("none", new("No lock", "不加锁")), new("lock", new("Lock", "加锁"))], "lock"),
        ];

        Assert.Equal("lock", DemoParameters.Bind(declared, null).Choice("mode"));
        Assert.Equal("none", DemoParameters.Bind(declared, new Dictionary<string, string> { ["mode"] = "none" }).Choice("mode"));
        Assert.Equal("lock", DemoParameters.Bind(declared, new Dictionary<string, string> { ["mode"] = "1" }).Choice("mode"));
        var error = Assert.Throws<DemoParameterException>(() => DemoParameters.Bind(declared, new Dictionary<string, string> { ["mode"] = "mutex" }));
        Assert.Contains("Mode (mode) must be one of none, lock; got 'mutex'.", error.Message);
        Assert.Throws<DemoParameterException>(() => DemoParameters.Bind(declared, new Dictionary<string, string> { ["mode"] = "2" }));
    }

    [Fact]
    public void EveryDemoShipsItsOwnSource()
    {
        foreach (var id in DemoCatalog.CreateDefault().All.Select(d => d.Id))
        {
            var demo = DemoCatalog.CreateDefault().Get(id);
            var source = DemoCatalog.SourceOf(demo);
            Assert.NotNull(source);
            Assert.Contains($"class {demo.GetType().Name}", source);
        }
    }

    [Fact]
    public void ControlCharactersInOutputAreMadeVisible()
    {
        Assert.Equal("a\u241b[31mred\u2400", Lane.MakeVisible("a\u001b[31mred\0"));
    }

    /// <summary>
    /// Fails on a thread as an allocation does when memory is gone. Then, reading the exception's message
    /// would fail too (the runtime looks it up in its resources), so the run must not read it.
    /// </summary>
    private sealed class RunsOutOfMemory : IDemo
    {
        public DemoInfo Info { get; } = new("runs-out-of-memory", new("Out of memory", "内存耗尽"), new("", ""), []);

        public MessageWatched Error { get; } = new();

        public Task RunAsync(DemoContext context)
        {
            context.StartThread("filler", _ => throw Error);
            return Task.CompletedTask;
        }

        public sealed class MessageWatched : OutOfMemoryException
        {
            public bool WasRead { get; private set; }

            public override string Message
            {
                get
                {
                    WasRead = true;
                    return base.Message;
                }
            }
        }
    }

    /// <summary>Starts a thread that takes its time (and does not listen for the stop), then fails.</summary>
    private sealed class ThrowsAfterStartingAThread : IDemo
    {
        public DemoInfo Info { get; } = new("throws-after-a-thread", new("Throws", "抛出异常"), new("", ""), []);

        public Task RunAsync(DemoContext context)
        {
            context.StartThread("slow", lane =>
            {
                Thread.Sleep(200);
                lane.Print("slow: still here");
            });
            throw new InvalidOperationException("the demo gave up");
        }
    }
}
