using Microsoft.Playwright;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>A page in a fresh browser context that records what a user would notice going wrong.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Console errors, script errors and 4xx/5xx responses seen so far.</summary>
    public List<string> Problems { get; } = [];

    public static async Task<WatchedPage> OpenAsync(
        BrowserFixture fixture, string? locale = "en-US", Action<BrowserNewContextOptions>? device = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = fixture.Portal.Address.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = 1366, Height = 900 },
        };
        device?.Invoke(options); // e.g. a phone: its viewport and touch
        var context = await fixture.Browser.NewContextAsync(options);
        return new WatchedPage(context, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot under the test output's screenshots folder.</summary>
    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Presses a demo widget's Run and waits until its status chip says the run completed.</summary>
    public static async Task RunToCompletionAsync(ILocator widget)
    {
        await widget.Locator("[data-run]").ClickAsync();
        await Assertions.Expect(widget.Locator("[data-status]")).ToHaveAttributeAsync("data-kind", "completed", new() { Timeout = 30_000 });
    }

    /// <summary>Saves a screenshot of one element, e.g. a demo widget after its run.</summary>
    public static async Task ScreenshotAsync(ILocator element, string name) =>
        await element.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png") });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
