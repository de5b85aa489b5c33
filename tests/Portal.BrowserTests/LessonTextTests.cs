using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>How a lesson's text is set: its diagrams and its Chinese.</summary>
public class LessonTextTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// A diagram keeps its columns when every character is one column and every Han character two: the code
    /// font is the portal's own, so this holds on any machine, not just on one with the right fonts.
    /// </summary>
    [BrowserFact]
    public async Task CodeBlocksDrawOnAGridWhereAHanCharacterIsTwoColumns()
    {
        await using var watched = await WatchedPage.OpenAsync(browser);
        var page = watched.Page;
        await page.GotoAsync("/lessons/deadlock-and-reentrant-locks?lang=zh");
        var diagram = page.Locator("pre code.language-text").First;
        await Expect(diagram).ToBeVisibleAsync();

        var widths = await diagram.EvaluateAsync<double[]>("""
            async code => {
              await document.fonts.ready;
              const width = text => {
                const probe = document.createElement("span");
                probe.textContent = text;
                code.append(probe);
                const w = probe.getBoundingClientRect().width;
                probe.remove();
                return w;
              };
              await document.fonts.load("1em 'Lab Mono'");
              return [width("a".repeat(20)), width("─".repeat(20)), width("等".repeat(10)), width("：".repeat(10))];
            }
            """);

        await watched.ScreenshotAsync("diagram-zh");
        Assert.True(widths[0] > 0);
        Assert.All(widths, w => Assert.InRange(w, widths[0] - 0.5, widths[0] + 0.5));
        Assert.Empty(watched.Problems);
    }
}
