using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>Five lessons of different kinds, in both languages: read, run the first demo, look at it.</summary>
public class LessonTourTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task FiveLessonsOfDifferentKindsRunTheirFirstDemoInBothLanguages()
    {
        string[] lessons = ["serial-concurrent-parallel", "processes", "race-conditions-and-locks", "async-await-event-loop", "concurrent-servers"];
        foreach (var (locale, language) in new[] { ("en-US", "en"), ("zh-CN", "zh") })
        {
            await using var watched = await WatchedPage.OpenAsync(browser, locale);
            foreach (var slug in lessons)
            {
                await watched.Page.GotoAsync($"/lessons/{slug}");
                await Expect(watched.Page.Locator("html")).ToHaveAttributeAsync("lang", language == "zh" ? "zh-CN" : "en");
                var widget = watched.Page.Locator(".demo").First;

                await WatchedPage.RunToCompletionAsync(widget);

                Assert.True(await widget.Locator(".console li").CountAsync() > 0, $"{slug}/{language}: no output");
                Assert.NotEqual("", await widget.Locator("[data-timeline]").GetAttributeAsync("data-rows"));
                await WatchedPage.ScreenshotAsync(widget, $"tour-{slug}-{language}");
            }

            Assert.Empty(watched.Problems);
        }
    }
}
