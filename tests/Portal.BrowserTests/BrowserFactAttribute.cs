namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>
/// A test that needs chromium: skipped with the reason when chromium is absent, unless
/// REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed && !Chromium.Required)
        {
            Skip = $"No chromium at {Chromium.Path} (apt-get install -y chromium); set REQUIRE_BROWSER=1 to fail instead.";
        }
    }
}
