using static ConcurrencyLab.Engine.Tests.Export.ParsedTrace;
using static ConcurrencyLab.Engine.Tests.Export.SampleLog;

namespace ConcurrencyLab.Engine.Tests.Export;

public class ChromeTraceLaneKindsTests
{
    private readonly ParsedTrace _trace = new(SampleLog.Events);

    [Fact]
    public void TaskSlicesArePairedAsyncEventsThatNestUnderANamedTaskSlice()
    {
        foreach (var lane in new[] { Fetch, Parse })
        {
            var depth = 0;
            foreach (var e in _trace.Task(lane).Where(e => Str(e, "ph") is "b" or "e"))
            {
                depth += Str(e, "ph") == "b" ? 1 : -1;
                Assert.InRange(depth, 0, 2);
            }

            Assert.Equal(0, depth);
        }

        Assert.Equal("fetch", Name(_trace.Task(Fetch)[0]));
        Assert.Equal("parse", Name(_trace.Task(Parse)[0]));
        Assert.Equal("main", Arg(_trace.Task(Fetch)[0], "parent").GetString());
        Assert.All(_trace.Events.Where(e => Str(e, "cat") == "task"), e => Assert.Equal(100, Num(e, "pid")));
        Assert.Equal(["running", "io", "running"], _trace.Task(Fetch).Where(e => Str(e, "ph") == "b").Skip(1).Select(Name));
    }

    [Fact]
    public void EachTaskSliceCarriesTheOsThreadThatRanIt()
    {
        var running = _trace.Task(Fetch).Where(e => Str(e, "ph") == "b" && Name(e) == "running").ToList();

        Assert.Equal([101L, 102L], running.Select(e => Arg(e, "tid").GetInt64()));
        var io = _trace.Task(Fetch).Single(e => Str(e, "ph") == "b" && Name(e) == "io");
        Assert.Equal("socket", Arg(io, "on").GetString());
        Assert.True(Arg(io, "inferred").GetBoolean());
        Assert.False(HasArg(io, "tid"));
    }

    [Fact]
    public void TasksThatOverlapKeepTheirOwnSlices()
    {
        var fetchEnd = Num(_trace.Task(Fetch).Last(), "ts");
        var parseStart = Num(_trace.Task(Parse).First(), "ts");
        var parseEnd = Num(_trace.Task(Parse).Last(), "ts");

        Assert.True(parseStart < fetchEnd);
        Assert.Equal(41, parseEnd);
        Assert.DoesNotContain(_trace.Metadata("thread_name"), m => Arg(m, "name").GetString() is "fetch" or "parse");
    }

    [Fact]
    public void ProcessesAreNamedAfterTheirProcessLaneOrElseAfterTheRun()
    {
        var names = _trace.Metadata("process_name").ToDictionary(m => Num(m, "pid"), m => Arg(m, "name").GetString());

        Assert.Equal(new Dictionary<long, string?> { [100] = "run (pid 100)", [200] = "helper (pid 200)", [300] = "run (pid 300)" }, names);
    }

    [Fact]
    public void ThreadTracksAreNamedAfterTheirLanesInOrderAndFallBackToTheLaneId()
    {
        var names = _trace.Metadata("thread_name").Select(m => (Track(m), Arg(m, "name").GetString())).ToList();
        var sorted = _trace.Metadata("thread_sort_index").OrderBy(m => Arg(m, "sort_index").GetInt32()).Select(Track);

        Assert.Equal([((100L, 101L), "main"), ((100L, 102L), "T1"), ((200L, 200L), "helper"), ((200L, 201L), "worker"), ((300L, 7L), "orphan")], names);
        Assert.Equal([(100L, 101L), (100L, 102L), (200L, 200L), (200L, 201L), (300L, 7L)], sorted);
    }

    [Fact]
    public void TheRunsStatusChangesAreGlobalInstants()
    {
        var global = _trace.Phase("i").Where(e => Str(e, "s") == "g").ToList();

        Assert.Equal(["run started", "run completed"], global.Select(Name));
        Assert.Equal([0L, 100L], global.Select(e => Num(e, "ts")));
    }

    [Fact]
    public void OutputOfAThreadIsAnInstantOnItsTrackAndOutputOfATaskIsOnItsAsyncTrack()
    {
        var threadLines = _trace.Phase("i").Where(e => Str(e, "cat") == "output").ToList();
        var taskLine = _trace.Task(Fetch).Single(e => Str(e, "ph") == "n" && Arg(e, "kind").GetString() == "output");

        Assert.Equal(["T1 says hi", "disk full"], threadLines.Select(e => Arg(e, "text").GetString()));
        Assert.Equal([(100L, 102L), (200L, 201L)], threadLines.Select(Track));
        Assert.All(threadLines, e => Assert.Equal("t", Str(e, "s")));
        Assert.Equal("stderr", Arg(threadLines[1], "stream").GetString());
        Assert.Equal("fetched 42 bytes", Arg(taskLine, "text").GetString());
        Assert.Equal(40, Num(taskLine, "ts"));
    }
}
