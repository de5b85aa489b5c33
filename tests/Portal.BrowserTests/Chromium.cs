namespace ConcurrencyLab.Portal.BrowserTests;

/// <summary>Debian's chromium, the only browser these tests use.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("REQUIRE_BROWSER") == "1";

    public static bool Installed => File.Exists(Path);

    /// <summary>Flags for a sandboxed CI machine with no network but loopback.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}
