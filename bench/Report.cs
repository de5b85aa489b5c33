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
        File.WriteAllText(path, text.ToString());
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

    private const string Meaning = "TODO";
}
