using System.Text.Json;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

public class TimelineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task ProcessLanesGroupTheirThreadsAndShowRealPids()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        await watched.Page.GotoAsync("/demos/spawn-children");
        var widget = watched.Page.Locator(".demo").First;

        await WatchedPage.RunToCompletionAsync(widget);

        var rows = (await widget.Locator("[data-timeline]").GetAttributeAsync("data-rows"))!.Split('|');
        for (var i = 1; i <= 4; i++)
        {
            var process = Array.FindIndex(rows, r => r.StartsWith($"P{i} · pid "));
            Assert.True(process >= 0, string.Join(" | ", rows));
            var pid = rows[process].Split("pid ")[1];
            Assert.Equal($"main · tid {pid}", rows[process + 1]);
        }

        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task KeyboardAloneRunsADemoZoomsPansAndMovesBetweenSpans()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/demos/spawn-threads");
        var widget = page.Locator(".demo").First;
        var timeline = widget.Locator("[data-timeline]");

        await widget.Locator("[data-run]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Locator("[data-status]")).ToHaveAttributeAsync("data-kind", "completed", new() { Timeout = 30_000 });
        await widget.Locator("canvas").FocusAsync();
        var before = await RangeAsync(page, timeline);
        Assert.Equal("ms", await timeline.GetAttributeAsync("data-unit"));

        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("+");
        }

        var zoomed = await RangeAsync(page, timeline);
        Assert.True(zoomed.End - zoomed.Start < (before.End - before.Start) / 100, $"{before} → {zoomed}");
        Assert.Equal("µs", await timeline.GetAttributeAsync("data-unit"));
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        var panned = await RangeAsync(page, timeline);
        Assert.True(panned.Start > zoomed.Start);

        await page.Keyboard.PressAsync("ArrowDown");
        var first = await widget.Locator("canvas").GetAttributeAsync("aria-label");
        await page.Keyboard.PressAsync("ArrowRight");
        var second = await widget.Locator("canvas").GetAttributeAsync("aria-label");
        Assert.Contains(" · ", first);
        Assert.NotEqual(first, second);
        await page.Keyboard.PressAsync("f");
        await Expect(timeline).ToHaveAttributeAsync("data-follow", "true");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task FilteringTheConsoleToOneLaneHidesTheOthersAndOutputIsOnlyText()
    {
        await using var portal = PortalApplication.With([], services =>
            services.AddSingleton(new DemoCatalog(DemoCatalog.CreateDefault().All.Select(i => DemoCatalog.CreateDefault().Get(i.Id)).Append(new HostileOutputDemo()))));
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = portal.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/demos/hostile-output");
        var widget = page.Locator(".demo").First;

        await WatchedPage.RunToCompletionAsync(widget);

        var texts = await widget.Locator(".console-text").AllTextContentsAsync();
        Assert.Contains(HostileOutputDemo.Script, texts);
        Assert.Contains("␛[31mred␛[0m", texts);
        Assert.Equal(0, await widget.Locator(".console b").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        await widget.Locator("[data-lane-filter]").SelectOptionAsync(new SelectOptionValue { Label = "B" });
        Assert.Equal(["B", "B"], await widget.Locator(".console li:visible .console-tag").AllTextContentsAsync());
        await WatchedPage.ScreenshotAsync(widget, "console-filtered");
    }

    [BrowserFact]
    public async Task TheTraceDownloadParsesAndHasOneTrackPerLane()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/demos/spawn-threads");
        var widget = page.Locator(".demo").First;
        await WatchedPage.RunToCompletionAsync(widget);

        var download = await page.RunAndWaitForDownloadAsync(() => widget.Locator("[data-export-trace]").ClickAsync());
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "spawn-threads.trace.json");
        await download.SaveAsAsync(path);

        using var trace = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var names = trace.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString())
            .ToList();
        Assert.Equal(["main", "T1", "T2", "T3", "T4"], names.Order());
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task TheDemoLooksRightInBothThemesAndLanguages()
    {
        foreach (var (locale, theme) in new[] { ("en-US", "light"), ("zh-CN", "dark") })
        {
            await using var watched = await WatchedPage.OpenAsync(browser, locale);
            var page = watched.Page;
            await page.GotoAsync("/demos/spawn-tasks");
            if (theme == "dark")
            {
                await page.Locator("[data-theme-toggle]").ClickAsync();
                await page.EvaluateAsync("() => document.documentElement.dataset.theme = 'dark'");
            }

            var widget = page.Locator(".demo").First;
            await WatchedPage.RunToCompletionAsync(widget);
            await widget.Locator("[data-table]").ClickAsync();
            Assert.True(await widget.Locator("[data-span-table] tbody tr").CountAsync() > 10);
            await WatchedPage.ScreenshotAsync(widget, $"spawn-tasks-{locale}-{theme}");
            Assert.Empty(watched.Problems);
        }
    }

    /// <summary>The drawn time range, read once the redraw the last key asked for has happened (the timeline draws at
    /// the next animation frame, and says what it drew in its data attributes).</summary>
    private static async Task<(double Start, double End)> RangeAsync(IPage page, ILocator timeline)
    {
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        return (double.Parse((await timeline.GetAttributeAsync("data-start"))!), double.Parse((await timeline.GetAttributeAsync("data-end"))!));
    }
}
