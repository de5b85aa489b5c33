using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>Where the timeline sits and what its labels say: nothing moves when a run ends, and folding shows.</summary>
public class TimelineLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The canvas's first lane row: the axis is 28 px tall and each lane 26 px (timeline-draw.ts's layout).</summary>
    private static float RowMiddle(int row) => 28 + (row * 26) + 13;

    [BrowserFact]
    public async Task TheTimelineStaysWhereItIsWhenARunEnds()
    {
        foreach (var (locale, width) in new[] { ("en-US", 390), ("zh-CN", 390), ("en-US", 1366) })
        {
            await using var watched = await WatchedPage.OpenAsync(browser, locale);
            var page = watched.Page;
            await page.SetViewportSizeAsync(width, 844);
            await page.GotoAsync("/demos/spawn-threads");
            var widget = page.Locator(".demo").First;
            var open = widget.Locator("[data-open-run]");
            await Expect(open).ToHaveAttributeAsync("aria-disabled", "true");
            await Expect(widget.Locator("[data-export-trace]")).ToHaveAttributeAsync("aria-disabled", "true");
            var idle = await TimelineTopAsync(widget);

            await WatchedPage.RunToCompletionAsync(widget);

            await Expect(open).ToHaveAttributeAsync("href", new Regex("^/runs/"));
            await Expect(open).Not.ToHaveAttributeAsync("aria-disabled", "true");
            await Expect(widget.Locator("[data-export-trace]")).ToHaveAttributeAsync("href", new Regex("/trace\\.json$"));
            Assert.Equal(idle, await TimelineTopAsync(widget));
            await WatchedPage.ScreenshotAsync(widget, $"timeline-stays-{locale}-{width}");
            Assert.Empty(watched.Problems);
        }
    }

    [BrowserFact]
    public async Task AFoldedGroupIsMarkedClosed()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/demos/processes-threads-tasks");
        var widget = page.Locator(".demo").First;
        var timeline = widget.Locator("[data-timeline]");
        await WatchedPage.RunToCompletionAsync(widget);
        var labels = await LabelsAsync(timeline);
        var group = Array.FindIndex(labels, l => l.StartsWith("▾ P1 · pid "));
        Assert.True(group >= 0, string.Join(" | ", labels));

        await widget.Locator("canvas").ClickAsync(new() { Position = new() { X = 40, Y = RowMiddle(group) } });

        await Expect(timeline).ToHaveAttributeAsync("data-labels", new Regex(Regex.Escape("▸ " + labels[group][2..])));
        Assert.DoesNotContain(labels[group], await LabelsAsync(timeline));
        await WatchedPage.ScreenshotAsync(widget, "timeline-folded-group");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task OnATouchScreenOnlyTheFoldMarkFoldsAndTheRestOfACutLabelShowsItWhole()
    {
        await using var watched = await WatchedPage.OpenAsync(browser, device: phone =>
        {
            phone.ViewportSize = new() { Width = 390, Height = 844 };
            phone.HasTouch = true;
            phone.IsMobile = true;
        });
        var page = watched.Page;
        await page.GotoAsync("/demos/processes-threads-tasks");
        var widget = page.Locator(".demo").First;
        var timeline = widget.Locator("[data-timeline]");
        var canvas = widget.Locator("canvas");
        await WatchedPage.RunToCompletionAsync(widget);
        var labels = await LabelsAsync(timeline);
        // A thread that runs tasks: its label ("▾ P1 thread 1 · tid 12345") is longer than a phone's label column.
        var group = Array.FindIndex(labels, l => l.StartsWith("▾ ") && l.Contains("thread"));
        Assert.True(group >= 0, string.Join(" | ", labels));

        await canvas.TapAsync(new() { Position = new() { X = 80, Y = RowMiddle(group) } });

        await Expect(widget.Locator("[data-tip]")).ToHaveTextAsync(labels[group]);
        // A fold would show in data-labels only once the timeline draws again, on a later animation frame.
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        Assert.Equal(labels, await LabelsAsync(timeline));
        await WatchedPage.ScreenshotAsync(widget, "timeline-touch-cut-label");

        await canvas.TapAsync(new() { Position = new() { X = 12, Y = RowMiddle(group) } });

        await Expect(timeline).ToHaveAttributeAsync("data-labels", new Regex(Regex.Escape("▸ " + labels[group][2..])));
        await WatchedPage.ScreenshotAsync(widget, "timeline-touch-folded");
        Assert.Empty(watched.Problems);
    }

    private static async Task<string[]> LabelsAsync(ILocator timeline) =>
        (await timeline.GetAttributeAsync("data-labels"))!.Split('|');

    /// <summary>How far below the widget's top its timeline starts.</summary>
    private static async Task<double> TimelineTopAsync(ILocator widget) =>
        await widget.Locator("[data-timeline]").EvaluateAsync<double>(
            "timeline => timeline.getBoundingClientRect().top - timeline.closest('.demo').getBoundingClientRect().top");
}
