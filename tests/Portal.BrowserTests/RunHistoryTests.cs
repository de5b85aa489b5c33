using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>Stored runs in the browser: a share link replayed elsewhere, and two runs compared on one axis.</summary>
public class RunHistoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task AShareLinkOpensInAFreshBrowserAndReplaysTheRunToAnyMoment()
    {
        string shareUrl;
        await using (var author = await WatchedPage.OpenAsync(browser))
        {
            await author.Page.GotoAsync("/demos/spawn-threads?threads=3&lines=8&pause=25");
            var widget = author.Page.Locator(".demo").First;
            await WatchedPage.RunToCompletionAsync(widget);
            await widget.Locator("[data-open-run]").ClickAsync();
            shareUrl = await author.Page.Locator("[data-share-url]").InputValueAsync();
            Assert.Empty(author.Problems);
        }

        await using var stranger = await WatchedPage.OpenAsync(browser, "zh-CN");
        var page = stranger.Page;
        await page.GotoAsync(shareUrl);
        var scrubber = page.Locator("[data-scrubber]");
        await Expect(scrubber).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var lines = page.Locator("[data-console] li");
        var total = await lines.CountAsync();
        Assert.True(total > 3 * 8, $"{total} lines: each thread's eight and main's");
        var duration = double.Parse((await scrubber.GetAttributeAsync("max"))!, System.Globalization.CultureInfo.InvariantCulture);

        await scrubber.FillAsync((duration / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var cursor = double.Parse((await page.Locator("[data-run-page]").GetAttributeAsync("data-cursor"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(cursor, duration * 0.45, duration * 0.55);
        var shown = await lines.CountAsync();
        Assert.InRange(shown, 1, total - 1); // only what was printed before that moment
        Assert.Contains("T3", await page.Locator("[data-timeline]").GetAttributeAsync("data-rows"));
        await stranger.ScreenshotAsync("run-replay-middle-zh");

        // Keys move the scrubber by shares of the run: Home is the start, PageUp a tenth further.
        await scrubber.PressAsync("Home");
        await Expect(page.Locator("[data-run-page]")).ToHaveAttributeAsync("data-cursor", "0");
        await scrubber.PressAsync("PageUp");
        await Expect(page.Locator("[data-run-page]")).Not.ToHaveAttributeAsync("data-cursor", "0");
        var tenth = double.Parse((await page.Locator("[data-run-page]").GetAttributeAsync("data-cursor"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(tenth, duration / 10 - 1, duration / 10 + 1); // the page rounds to whole microseconds

        await page.Locator("[data-speed]").SelectOptionAsync("8");
        await page.Locator("[data-play]").ClickAsync();
        await Expect(page.Locator("[data-run-page]")).ToHaveAttributeAsync("data-cursor", ((long)Math.Round(duration)).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        Assert.Equal(total, await lines.CountAsync());
        Assert.Empty(stranger.Problems);
    }

    [BrowserFact]
    public async Task TwoRaceCounterRunsLockOffAndOnCompareOnOneAxisWithBothFinalValues()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/demos/race-counter?threads=4&mode=none");
        var widget = page.Locator(".demo").First;
        await WatchedPage.RunToCompletionAsync(widget);
        await widget.Locator("select[name=mode]").SelectOptionAsync("lock");
        await WatchedPage.RunToCompletionAsync(widget);

        // Pick both from My runs, as a learner would.
        await page.GotoAsync("/runs?demo=race-counter");
        var boxes = page.Locator("input[name=run]");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.Locator("[data-compare-form] button[type=submit]").ClickAsync();

        await Expect(page.Locator("[data-compare] [data-status]")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        var bands = page.Locator("[data-band]");
        await Expect(bands).ToHaveCountAsync(2);
        var a = bands.Nth(0).Locator("[data-timeline]");
        var b = bands.Nth(1).Locator("[data-timeline]");
        Assert.Contains("T4", await a.GetAttributeAsync("data-rows"));
        Assert.Contains("T4", await b.GetAttributeAsync("data-rows"));
        Assert.Equal(await a.GetAttributeAsync("data-end"), await b.GetAttributeAsync("data-end"));
        var finals = await page.Locator("td[data-figure='Final n']").AllInnerTextsAsync();
        Assert.Equal(2, finals.Count);
        Assert.Contains("4,000,000", finals); // the locked run loses nothing
        await watched.ScreenshotAsync("compare-race-counter");

        // Zooming one band moves the other: one time axis.
        var before = await b.GetAttributeAsync("data-end");
        await bands.Nth(0).Locator("canvas").FocusAsync();
        await page.Keyboard.PressAsync("+");
        await Expect(b).Not.ToHaveAttributeAsync("data-end", before!);
        Assert.Equal(await a.GetAttributeAsync("data-end"), await b.GetAttributeAsync("data-end"));
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task AWidgetWhoseConnectionDropsMidRunSaysSoAndResumesWithNothingLostOrRepeated()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        // Keep every WebSocket the page opens, so the test can drop it as a failing network would.
        await page.AddInitScriptAsync("""
            const Native = window.WebSocket;
            window.testSockets = [];
            window.WebSocket = class extends Native { constructor(...args) { super(...args); window.testSockets.push(this); } };
            """);
        await page.GotoAsync("/demos/spawn-threads?threads=2&lines=20&pause=100");
        var widget = page.Locator(".demo").First;
        await widget.Locator("[data-status]").EvaluateAsync("""
            chip => { window.statusKinds = []; new MutationObserver(() => window.statusKinds.push(chip.dataset.kind)).observe(chip, { attributes: true }); }
            """);
        await widget.Locator("[data-run]").ClickAsync();
        await Expect(widget.Locator("[data-console] li")).Not.ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await page.EvaluateAsync("window.testSockets.forEach(s => s.close(4000, 'the test drops the network'))");

        await Expect(widget.Locator("[data-status]")).ToHaveAttributeAsync("data-kind", "completed", new() { Timeout = 30_000 });
        Assert.Contains("reconnecting", await page.EvaluateAsync<string[]>("window.statusKinds"));
        Assert.Equal(2, await page.EvaluateAsync<int>("window.testSockets.length"));
        var lines = await widget.Locator("[data-console] .console-text").AllInnerTextsAsync();
        foreach (var thread in new[] { "T1", "T2" })
        {
            for (var i = 1; i <= 20; i++)
            {
                Assert.Single(lines, l => l.StartsWith($"{thread} line {i}/20:", StringComparison.Ordinal));
            }
        }

        Assert.Empty(watched.Problems);
    }
}
