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
    /// Microseconds as the client shows them (format.ts): µs, ms or s, with two decimals below 10, one below 100
    /// and none above, joined to the unit by a no-break space.
    /// </summary>
    public static string Micros(long micros) => micros switch
    {
        < 1_000 => $"{micros}\u00a0µs",
        < 1_000_000 => Figure(micros / 1_000.0) + "\u00a0ms",
        _ => Figure(micros / 1_000_000.0) + "\u00a0s",
    };

    /// <summary>Rounds a tie up, as JavaScript's toFixed does (.NET's "F1" alone would give 16.2 for 16.25).</summary>
    private static string Figure(double value)
    {
        var decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
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
