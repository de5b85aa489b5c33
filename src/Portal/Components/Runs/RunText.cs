using System.Globalization;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Data;
using ConcurrencyLab.Portal.Localization;
using ConcurrencyLab.Portal.Runs;

namespace ConcurrencyLab.Portal.Components.Runs;

/// <summary>How a stored run reads on a page: its title, parameters, status and figures.</summary>
public static class RunText
{
    /// <summary>
    /// Microseconds per unit, decimals, unit, and the figure it must stay under once rounded (else the next scale
    /// takes it, so 99,996 µs reads "100 ms", not "100.0 ms").
    /// </summary>
    private static readonly (double PerUnit, int Decimals, string Unit, double Below)[] Scales =
    [
        (1, 0, "µs", 1_000),
        (1_000, 2, "ms", 10), (1_000, 1, "ms", 100), (1_000, 0, "ms", 1_000),
        (1_000_000, 2, "s", 10), (1_000_000, 1, "s", 100), (1_000_000, 0, "s", double.PositiveInfinity),
    ];

    /// <summary>
    /// Microseconds as the client shows them (formatMicros in format.ts, tested with the same cases): three
    /// significant digits, the last rounded from whole microseconds with a tie up, a no-break space before the unit.
    /// </summary>
    public static string Micros(long micros)
    {
        var text = "";
        foreach (var (perUnit, decimals, unit, below) in Scales)
        {
            var scale = Math.Pow(10, decimals);
            var figure = Math.Round(micros / (perUnit / scale), MidpointRounding.AwayFromZero) / scale;
            text = figure.ToString("F" + decimals, CultureInfo.InvariantCulture) + "\u00a0" + unit;
            if (figure < below)
            {
                break;
            }
        }

        return text;
    }

    /// <summary>A number as a learner reads it: 1,234,567 or 0.25.</summary>
    public static string Number(double value) => value.ToString(value == Math.Floor(value) ? "N0" : "0.###", CultureInfo.InvariantCulture);

    public static string Title(DemoCatalog demos, StoredRun run, string language) =>
        demos.Find(run.DemoId)?.Info.Title.In(language) ?? run.DemoId;

    public static string Status(string status, string language) =>
        UiText.StatusNames.TryGetValue(status, out var name) ? name.In(language) : status;

    /// <summary>"threads=4 · mode=lock".</summary>
    public static string Parameters(StoredRun run) =>
        string.Join(" · ", RunArchive.ParametersOf(run).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The figures a run is compared by, as label and value, in the order they are shown.</summary>
    public static IReadOnlyList<(string Label, string Value)> Figures(StoredRun run, string language)
    {
        var figures = new List<(string, string)>
        {
            (UiText.Status.In(language), Status(run.Status, language)),
            (UiText.Duration.In(language), Micros(run.DurationMicros)),
            (UiText.Events.In(language), Number(run.EventCount)),
        };
        if (RunSummary.FromJson(run.SummaryJson) is { } summary)
        {
            figures.Add((UiText.Lanes.In(language), $"{summary.Processes} / {summary.Threads} / {summary.Tasks}"));
            figures.Add((UiText.OutputLines.In(language), Number(summary.OutputLines)));
            figures.AddRange(summary.Counters.Select(c => (string.Format(CultureInfo.InvariantCulture, UiText.FinalValue.In(language), c.Key), Number(c.Value))));
            figures.Add((UiText.LastLine.In(language), summary.LastLine ?? "—"));
        }

        return figures;
    }

    /// <summary>The demo page with this run's parameters filled in.</summary>
    public static string RunAgainHref(StoredRun run) =>
        $"/demos/{Uri.EscapeDataString(run.DemoId)}?" + string.Join("&",
            RunArchive.ParametersOf(run).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>The start time in UTC, machine-readable for the client to show in the reader's own time zone.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Readable(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
