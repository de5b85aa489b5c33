using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>What the page shows as its state changes: the screen's width, a run starting and ending, the theme.</summary>
public class WidgetStateTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task TheLessonListIsOpenOnAWideScreenAndFoldedBehindLessonsOnAPhone()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        var links = page.Locator("nav.rail a");

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/lessons/threads");
        Assert.True(await links.CountAsync() > 10);
        await Expect(links.First).ToBeVisibleAsync();
        await Expect(links.Last).ToBeVisibleAsync();
        await watched.ScreenshotAsync("rail-wide");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/lessons/threads");
        await Expect(links.First).ToBeHiddenAsync();
        await Expect(links.Last).ToBeHiddenAsync();
        await watched.ScreenshotAsync("rail-phone-folded");

        await page.Locator("nav.rail summary").ClickAsync();
        await Expect(links.First).ToBeVisibleAsync();
        await Expect(links.Last).ToBeVisibleAsync();
        await watched.ScreenshotAsync("rail-phone-open");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task FollowLiveIsOnlyOfferedWhileARunGoesAndItsReplayHasNoLiveEdge()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        // Two threads printing twenty lines 100 ms apart: a run of about two seconds, long enough to look at.
        await page.GotoAsync("/demos/spawn-threads?threads=2&lines=20&pause=100");
        var widget = page.Locator(".demo").First;
        var follow = widget.GetByRole(AriaRole.Button, new() { Name = "Follow live" });
        await Expect(follow).ToBeDisabledAsync();

        await widget.Locator("[data-run]").ClickAsync();
        await Expect(widget.Locator("[data-status]")).ToHaveAttributeAsync("data-kind", "started", new() { Timeout = 30_000 });
        await Expect(follow).ToBeEnabledAsync();
        await Expect(follow).ToHaveAttributeAsync("aria-pressed", "true");
        await WatchedPage.ScreenshotAsync(widget, "follow-live-running");

        await Expect(widget.Locator("[data-status]")).ToHaveAttributeAsync("data-kind", "completed", new() { Timeout = 30_000 });
        await Expect(follow).ToBeDisabledAsync();
        await Expect(follow).ToHaveAttributeAsync("aria-pressed", "false");
        await WatchedPage.ScreenshotAsync(widget, "follow-live-ended");

        await widget.Locator("[data-open-run]").ClickAsync();
        await Expect(page.Locator("[data-scrubber]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var replayFollow = page.GetByRole(AriaRole.Button, new() { Name = "Follow live" });
        await Expect(replayFollow).ToBeDisabledAsync();
        await Expect(replayFollow).ToHaveAttributeAsync("aria-pressed", "false");
        await watched.ScreenshotAsync("follow-live-replay");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task ConsoleTagsTakeTheirDarkThemeColoursInDarkMode()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/demos/spawn-threads");
        var widget = page.Locator(".demo").First;
        await WatchedPage.RunToCompletionAsync(widget);
        var tag = widget.Locator(".console-tag").First;
        var light = await tag.EvaluateAsync<string>("tag => getComputedStyle(tag).color");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await Expect(page.Locator("html")).ToHaveCSSAsync("color-scheme", "dark");
        var dark = await tag.EvaluateAsync<string>("tag => getComputedStyle(tag).color");
        Assert.NotEqual(light, dark);
        Assert.NotEqual(await page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"), dark); // a lane's ink, not the page's
        await WatchedPage.ScreenshotAsync(widget, "console-tags-dark");
        Assert.Empty(watched.Problems);
    }
}
