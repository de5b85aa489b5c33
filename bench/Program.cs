using System.Diagnostics;
using ConcurrencyLab.Bench;

var machine = Machine.Current();
Console.WriteLine($"Concurrency Lab benchmarks on {machine}");
if (!machine.IsRelease)
{
    Console.ForegroundColor = ConsoleColor.Red;
    Console.WriteLine("WARNING: this is a Debug build; the figures are meaningless. Run: dotnet run -c Release --project bench");
    Console.ResetColor();
}

if (machine.IsBusy)
{
    Console.ForegroundColor = ConsoleColor.Yellow;
    Console.WriteLine("Note: the machine is busy with other work; expect noisy figures.");
    Console.ResetColor();
}

var when = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var sections = new List<Section>();
foreach (var measure in new Func<Section>[] { StartLatency.Measure, AppendThroughput.Measure, ReadThroughput.Measure, WatchCost.Measure, Recording.Measure })
{
    var section = measure();
    Report.Print(section);
    sections.Add(section);
}

Report.PrintTargets(sections);
var path = Report.Write(machine, sections, when, clock.Elapsed);
Console.WriteLine();
Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0.0} s; wrote {path}");
