using System.Diagnostics;
using ConcurrencyLab.Portal.Testing;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>The browser client's pure parts (span building, axis ticks, hit testing, lane layout) have node tests of their own.</summary>
public class ClientUnitTests
{
    [Fact]
    public async Task TheClientsOwnTestsPass()
    {
        var client = Path.Combine(PortalApplication.RepositoryRoot, "src", "Portal", "client");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["test"]) { WorkingDirectory = client, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(npm.ExitCode == 0, $"npm test failed:\n{await output}\n{await errors}");
        Assert.Contains("# fail 0", await output);
        Assert.DoesNotContain("# pass 0", await output);
    }
}
