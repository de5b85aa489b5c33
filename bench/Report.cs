using System.Globalization;
using System.Text;

namespace ConcurrencyLab.Bench;

/// <summary>Shows the figures on the console and writes them to docs/benchmarks.md at the repository root.</summary>
internal static class Report
{
    public static void Print(Section section)
    {
        Console.WriteLine();
        Console.WriteLine(section.Title);
        Console.WriteLine(new string('=', section.Title.Length));
        Console.Write(section.Table.ToConsole());
    }

    public static void PrintTargets(IEnumerable<Section> sections)
    {
        Console.WriteLine();
        Console.WriteLine("Targets");
        Console.WriteLine("=======");
        foreach (var check in sections.SelectMany(s => s.Targets))
        {
            Console.WriteLine($"{Format.Verdict(check.Met),-6}  {check.Target}: {check.Measured}");
        }
    }

    /// <summary>Overwrites docs/benchmarks.md; returns its path.</summary>
    public static string Write(Machine machine, IReadOnlyList<Section> sections, DateTimeOffset when, TimeSpan took)
    {
        var text = new StringBuilder();
        text.Append("# Benchmarks\n\n")
            .Append("Written by the benchmark program; run it again to replace these figures with your machine's:\n\n")
            .Append("```sh\ndotnet run -c Release --project bench\n```\n\n")
            .Append(CultureInfo.InvariantCulture, $"Measured {when:yyyy-MM-dd HH:mm} UTC in {took.TotalSeconds:0} s on: {machine}.\n");
        if (!machine.IsRelease)
        {
            text.Append("\n**Warning: a Debug build. These figures are not worth reading; run with `-c Release`.**\n");
        }

        foreach (var (section, number) in sections.Select((s, i) => (s, i + 1)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {number}. {section.Title}\n\n")
                .Append(section.Table.ToMarkdown())
                .Append('\n').Append(section.Notes).Append('\n');
        }

        text.Append("\n## Targets\n\n");
        foreach (var check in sections.SelectMany(s => s.Targets))
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{Format.Verdict(check.Met)}**: {check.Target} ({check.Measured}).\n");
        }

        text.Append("\n## What the numbers mean\n\n").Append(Meaning).Append('\n');
        var path = Path.Combine(RepositoryRoot(), "docs", "benchmarks.md");
        // The timeline's browser benchmark (src/Portal/client, npm run bench) keeps its own section at the end.
        const string browserSection = "<!-- timeline-benchmark -->";
        var previous = File.Exists(path) ? File.ReadAllText(path) : "";
        var kept = previous.Contains(browserSection, StringComparison.Ordinal) ? previous[previous.IndexOf(browserSection, StringComparison.Ordinal)..] : "";
        File.WriteAllText(path, text.ToString() + (kept.Length > 0 ? Environment.NewLine + kept : ""));
        return path;
    }

    /// <summary>The nearest folder above the program (or the working directory) that holds Portal.sln.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Portal.sln not found above the bench or the working directory.");
    }

    private const string Meaning =
        "Start latency is what a learner waits for between pressing Run and seeing the lane appear, and the bare " +
        "column is the part no Engine can remove. A run starts its own main thread first and the demo starts its " +
        "lane from there, so a thread demo costs about two bare thread starts and a task demo one thread start plus " +
        "one task start; what is left is the few events the main lane records on the way (hence the targets' " +
        "factor of 2 and half a millisecond of slack). For a cold process the floor is the .NET runtime booting the " +
        "worker; everything above it is work the worker does before it announces its main lane (parsing its " +
        "orders, capping its memory, the first use of JSON and sockets, connecting to the event socket and sending " +
        "its first JSON line), and the wall column adds that first event's trip over the socket. A warm worker did " +
        "all of that but the connecting before the run asked, so what is left is writing its orders to its stdin, " +
        "its wake-up, and the run's own steps; it beats the bare start because it skips the boot the bare start " +
        "measures. The append rates show " +
        "whether the log can be the bottleneck of a run: a run may log at most `RunLimits.MaxEvents` events, so " +
        "divide that by the single-writer rate for the longest the log can ever cost a run, and compare the log " +
        "with the bare lock-and-store to see what its own bookkeeping costs. Sixteen writers on a machine with " +
        "fewer cores measure a contended lock under oversubscription, which depends on the scheduler as much as on " +
        "the code. The reader section is a stress test, a writer appending flat out while every reader streams; " +
        "the readers have a million events each to move in the few tens of milliseconds the writer runs, so they " +
        "are busy all that time, and on a machine with two cores whatever is busy beside the writer shares its " +
        "cores, caches and scheduler with it. Its floors, measured in the same rounds, say how much of a row is the " +
        "machine: a thread that only spins (a core taken), and a hundred bare cursors following a bare store (the " +
        "least that following a writer live costs). What is left above them is the log's own cost; it is mostly " +
        "the readers' per-wake-up work, which is why the pump waits 100 µs between looks while events stream and " +
        "so hands each reader batches. Single rounds on a virtual machine vary by ±20 %, hence medians of many. " +
        "Section 4 is the one a learner could notice: how much longer each event takes the demo's own thread while others watch.";
}
