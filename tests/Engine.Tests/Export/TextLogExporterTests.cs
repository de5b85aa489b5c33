using System.Globalization;
using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Export;

namespace ConcurrencyLab.Engine.Tests.Export;

public class TextLogExporterTests
{
    [Fact]
    public async Task TheLogOfARealRunNamesEachLaneOnceAndHasEveryPrintedLineInOrder()
    {
        var (_, events) = await RunHarness.RunAsync(
            new SpawnThreadsDemo(), new Dictionary<string, string> { ["threads"] = "3", ["lines"] = "2", ["pause"] = "5" });

        var lines = TextLogExporter.Write(events).Split('\n');

        var lanes = events.OfType<LaneEvent>().ToList();
        var header = lines.Skip(1).TakeWhile(l => l != "Events").ToList();
        Assert.Equal("Lanes", lines[0]);
        Assert.Equal(lanes.Count, header.Count);
        Assert.All(lanes, lane => Assert.Single(header, h =>
            Regex.IsMatch(h, $@"^\s+#{lane.Lane}\s+{lane.Name}\s+thread\s+pid {lane.Pid}\s+tid {lane.Tid}\b")));
        var at = events.OfType<OutputEvent>().Select(o => Array.FindIndex(lines, l => l.EndsWith("| " + o.Text, StringComparison.Ordinal))).ToList();
        Assert.Equal(9, at.Count);
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.Equal(at.Distinct(), at);
        Assert.EndsWith("run completed", lines.Last(l => l.Length > 0));
    }

    [Fact]
    public void EachEventLineSaysWhenWhereAndWhatInAlignedColumns()
    {
        var lines = TextLogExporter.Write(SampleLog.Events).Split('\n');

        void Single(string pattern) => Assert.Single(lines, l => Regex.IsMatch(l, pattern));
        string Line(string what) => Assert.Single(lines, l => l.EndsWith(what, StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^\s+\+0\.0(02|31) ms  main\s+running on core 0$")));
        Single(@"^\s+\+0\.060 ms  T1\s+running on core 1$");
        Single(@"^\s+\+0\.030 ms  T1\s+mark: lock A released → main$");
        Single(@"^\s+\+0\.020 ms  main\s+blocked on lock A$");
        Single(@"^\s+\+0\.025 ms  fetch\s+io on socket \(inferred\)$");
        Single(@"^\s+\+0\.035 ms  fetch\s+running \(tid 102\)$");
        Single(@"^\s+\+0\.100 ms\s+run completed$");
        Assert.Contains(lines, l => l.EndsWith("T1      sleeping", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("worker  ! disk full", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("on core 1") && !l.Contains("running"));
        var texts = new[] { "| T1 says hi", "counter queue = 3", "mark: tick", "run started" }.Select(t => Line(t).IndexOf(t, StringComparison.Ordinal));
        Assert.Single(texts.Distinct());
        Assert.Single(lines.Where(l => l.Contains(" ms ")).Select(l => l.IndexOf(" ms ", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void HeaderLinesNameEachLanesKindProcessAndThread()
    {
        var header = TextLogExporter.Write(SampleLog.Events).Split('\n').Skip(1).TakeWhile(l => l != "Events").ToList();

        Assert.Equal(7, header.Count);
        Assert.Equal("  #1  main    thread   pid 100  tid 101", header[0]);
        Assert.Equal("  #3  fetch   task     pid 100  no fixed thread  parent main", header[2]);
        Assert.Equal("  #5  helper  process  pid 200  tid 200          parent main", header[4]);
        Assert.Equal("  #7  orphan  thread   pid 300  tid unknown      parent main", header[6]);
    }

    [Fact]
    public void NumbersLookTheSameWhateverTheMachinesCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = TextLogExporter.Write([new CounterEvent(12_345, "ratio", 2.5), new RunStatusEvent(1_234_567, RunStatus.TimedOut, "wall time")]);

            Assert.Matches(@"\n +\+12\.345 ms +counter ratio = 2\.5\n", text);
            Assert.Matches(@"\n +\+1234\.567 ms +run timed out: wall time\n", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
