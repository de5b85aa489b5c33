using ConcurrencyLab.Portal.Testing;
using Microsoft.Playwright;

namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>One portal on a real port and one headless chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalApplication Portal { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, beside the test output.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!Chromium.Installed)
        {
            throw new InvalidOperationException($"REQUIRE_BROWSER=1 but there is no chromium at {Chromium.Path}: apt-get install -y chromium");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Args = Chromium.Arguments,
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
