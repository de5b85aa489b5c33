using static ConcurrencyLab.Engine.Tests.Export.ParsedTrace;

namespace ConcurrencyLab.Engine.Tests.Export;

public class ChromeTraceSpansAndMarksTests
{
    private readonly ParsedTrace _trace = new(SampleLog.Events);

    [Fact]
    public void ASpanLastsUntilTheLanesNextStateAndDoneIsNoSpan()
    {
        var main = _trace.Phase("X").Where(e => Track(e) == (100, 101)).Select(e => (Name(e), Num(e, "ts"), Num(e, "dur")));

        Assert.Equal([("running", 2L, 18L), ("blocked", 20L, 11L), ("running", 31L, 69L)], main);
        Assert.DoesNotContain(_trace.Phase("X"), e => Name(e) == "done");
        Assert.All(_trace.Phase("X"), e => Assert.Equal("state", Str(e, "cat")));
    }

    [Fact]
    public void ASpanStillOpenWhenTheLogEndsLastsUntilTheLastEvent()
    {
        var lastOfT1 = _trace.Phase("X").Last(e => Track(e) == (100, 102));
        var fetchEnds = _trace.Task(SampleLog.Fetch).Where(e => Str(e, "ph") == "e").Select(e => Num(e, "ts"));

        Assert.Equal(("running", 60L, 40L), (Name(lastOfT1), Num(lastOfT1, "ts"), Num(lastOfT1, "dur")));
        Assert.Equal([25L, 35L, 100L, 100L], fetchEnds);
    }

    [Fact]
    public void SpansCarryWhatTheLaneWaitsOnAndTheCoreMeasuredJustAfterEnteringIt()
    {
        var main = _trace.Phase("X").Where(e => Track(e) == (100, 101)).ToList();
        var t1 = _trace.Phase("X").First(e => Track(e) == (100, 102));

        Assert.Equal(0, Arg(main[0], "core").GetInt32());
        Assert.Equal("lock A", Arg(main[1], "on").GetString());
        Assert.Equal("blocked", Arg(main[1], "state").GetString());
        Assert.False(Arg(main[1], "inferred").GetBoolean());
        Assert.False(HasArg(main[0], "on"));
        Assert.Equal(1, Arg(t1, "core").GetInt32());
        Assert.False(HasArg(_trace.Phase("X").Single(e => Track(e) == (300, 7)), "core"));
    }

    [Fact]
    public void MarksAreInstantsOnTheirLanesTrack()
    {
        var marks = _trace.Phase("i").Where(e => Str(e, "cat") == "mark").ToList();

        Assert.Equal(["lock A released", "tick"], marks.Select(Name));
        Assert.Equal([(100L, 102L), (100L, 101L)], marks.Select(Track));
        Assert.Equal("main", Arg(marks[0], "link").GetString());
        Assert.False(HasArg(marks[1], "link"));
        var taskMark = _trace.Task(SampleLog.Fetch).Single(e => Str(e, "ph") == "n" && Name(e) == "result ready");
        Assert.Equal("mark", Arg(taskMark, "kind").GetString());
    }

    [Fact]
    public void AMarkWithALinkDrawsAnArrowFromTheWakerToTheWoken()
    {
        var starts = _trace.Phase("s");
        var finishes = _trace.Phase("f");

        Assert.Equal(2, starts.Count);
        Assert.Equal(starts.Select(s => Num(s, "id")), finishes.Select(f => Num(f, "id")));
        Assert.Equal(2, starts.Select(s => Num(s, "id")).Distinct().Count());
        Assert.Equal([(100L, 102L), (100L, 102L)], starts.Select(Track));
        Assert.Equal([(100L, 101L), (100L, 101L)], finishes.Select(Track));
        Assert.Equal([30L, 36L], starts.Select(s => Num(s, "ts")));
        Assert.All(starts.Concat(finishes), e => Assert.Equal("wake", Str(e, "cat")));
        Assert.All(finishes, f => Assert.Equal("e", Str(f, "bp")));
    }

    [Fact]
    public void CountersAreCounterEventsOfTheRunsProcess()
    {
        var counters = _trace.Phase("C");

        Assert.Equal([("queue", 26L, 3.0), ("queue", 70L, 2.5)], counters.Select(c => (Name(c)!, Num(c, "ts"), Arg(c, "value").GetDouble())));
        Assert.All(counters, c => Assert.Equal(100, Num(c, "pid")));
    }

    [Fact]
    public void AnEmptyLogIsStillATrace()
    {
        var trace = new ParsedTrace([]);

        Assert.Equal("ms", trace.Root.GetProperty("displayTimeUnit").GetString());
        Assert.Empty(trace.Events);
    }
}
