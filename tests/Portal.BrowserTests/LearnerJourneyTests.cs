using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

public class LearnerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Counts horizontal bands of the canvas that hold "running" green: one per lane that ran.</summary>
    private const string CountRunningLanes = """
        canvas => {
          const { width, height } = canvas;
          const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
          const green = i => Math.abs(data[i] - 0) < 24 && Math.abs(data[i + 1] - 158) < 24 && Math.abs(data[i + 2] - 115) < 24;
          let bands = 0, inBand = false;
          for (let y = 0; y < height; y++) {
            let found = false;
            for (let x = 0; x < width && !found; x++) found = green((y * width + x) * 4);
            if (found && !inBand) bands++;
            inBand = found;
          }
          return bands;
        }
        """;

    [BrowserFact]
    public async Task ALearnerRunsTheThreadsDemoAndWatchesThreadsInterleave()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/lessons/threads");
        var demo = page.Locator(".demo").First;

        await WatchedPage.RunToCompletionAsync(demo);

        var tags = await demo.Locator(".console .console-tag").AllTextContentsAsync();
        var workers = tags.Where(t => t != "main").ToList();
        Assert.True(workers.Distinct().Count() >= 3, $"lines from {workers.Distinct().Count()} threads");
        var switches = workers.Zip(workers.Skip(1)).Count(p => p.First != p.Second);
        Assert.True(switches > workers.Distinct().Count(), $"lines are not interleaved: {string.Join(" ", workers)}");
        var lanes = await demo.Locator("canvas").EvaluateAsync<int>(CountRunningLanes);
        Assert.True(lanes >= 4, $"the timeline shows {lanes} lanes that ran; expected main + 4 threads");
        await Expect(demo.Locator("[data-status]")).ToContainTextAsync("Completed in");
        await watched.ScreenshotAsync("threads-en-after-run");
        await WatchedPage.ScreenshotAsync(demo, "threads-en-demo");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task ALearnerSwitchesToChineseAndReadsTheChineseLesson()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/lessons/threads");
        await Expect(page.Locator("article h1")).ToHaveTextAsync("Threads");

        await page.Locator(".lang-switch").ClickAsync();

        await Expect(page.Locator("article h1")).ToHaveTextAsync("线程");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        Assert.EndsWith("/lessons/threads", page.Url);
        var demo = page.Locator(".demo").First;
        await Expect(demo.Locator("[data-run]")).ToHaveTextAsync("运行");
        await WatchedPage.RunToCompletionAsync(demo);
        await Expect(demo.Locator("[data-status]")).ToContainTextAsync("已完成");
        await watched.ScreenshotAsync("threads-zh-after-run");
        await WatchedPage.ScreenshotAsync(demo, "threads-zh-demo");

        await page.GotoAsync("/");
        await Expect(page.Locator("a[href='/lessons/threads'] .course-title")).ToHaveTextAsync("线程");
        await watched.ScreenshotAsync("home-zh");
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task TheHomePageAndTheDarkThemeLookRight()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("a[href='/lessons/threads'] .course-title")).ToHaveTextAsync("Threads");
        await watched.ScreenshotAsync("home-en");

        await page.Locator("[data-theme-toggle]").ClickAsync();
        await page.GotoAsync("/lessons/threads");

        var theme = await page.Locator("html").GetAttributeAsync("data-theme");
        Assert.True(theme is "dark" or "light");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor");
        Assert.Equal(theme == "dark" ? "rgb(21, 23, 26)" : "rgb(251, 250, 247)", background);
        await watched.ScreenshotAsync("threads-" + theme);
        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public async Task ProcessAndTaskDemosDrawALaneForEveryProcessThreadAndTask()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        foreach (var (demo, running) in new[] { ("spawn-children", 5), ("spawn-tasks", 9) })
        {
            await page.GotoAsync($"/demos/{demo}");
            var widget = page.Locator(".demo").First;

            await WatchedPage.RunToCompletionAsync(widget);

            var lanes = await widget.Locator("canvas").EvaluateAsync<int>(CountRunningLanes);
            Assert.True(lanes >= running, $"{demo}: the timeline shows {lanes} lanes that ran; expected {running}");
            await WatchedPage.ScreenshotAsync(widget, demo + "-demo");
        }

        Assert.Empty(watched.Problems);
    }

    [BrowserFact]
    public Task AnOutOfRangeParameterIsRefusedWithAClearMessage() =>
        RefusesThreads99Async("/lessons/threads", "Threads (threads) must be between 1 and 16; got 99.");

    [BrowserFact]
    public Task AChinesePageGetsTheRefusalInChineseWhateverTheBrowsersLanguage() =>
        RefusesThreads99Async("/lessons/threads?lang=zh", "“线程数”（threads）必须在 1 到 16 之间，收到的是 99。");

    private async Task RefusesThreads99Async(string lesson, string message)
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync(lesson);
        var demo = page.Locator(".demo").First;

        await demo.Locator("input[name=threads]").EvaluateAsync("input => { input.max = 99; input.value = 99; }");
        await demo.Locator("[data-run]").ClickAsync();

        await Expect(demo.Locator("[data-status]")).ToContainTextAsync(message);
        await Expect(demo.Locator("[data-run]")).ToBeEnabledAsync();
        Assert.Equal(0, await demo.Locator(".console li").CountAsync());
    }
}
