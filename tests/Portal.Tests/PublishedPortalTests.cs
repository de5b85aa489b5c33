using System.Diagnostics;
using System.Net;
using ConcurrencyLab.Portal.Testing;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>The Dockerfile runs the `dotnet publish` output; no Docker engine runs here, so the output itself is tested.</summary>
public class PublishedPortalTests
{
    [Fact]
    public async Task ThePublishedPortalStartsOnItsOwnAndServesALesson()
    {
        var output = Directory.CreateTempSubdirectory("concurrency-lab-publish-");
        try
        {
            await RunToEndAsync("dotnet", ["publish", "src/Portal/Portal.csproj", "-c", "Release", "-o", output.FullName, "-p:UseAppHost=false", "-nologo", "-v", "quiet"], PortalApplication.RepositoryRoot);
            Assert.True(File.Exists(Path.Combine(output.FullName, "appsettings.json")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "content", "07-threads", "zh.md")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "ConcurrencyLab.Worker.dll")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "ConcurrencyLab.Worker.runtimeconfig.json")));

            await using var portal = await PortalProcess.StartAsync(Path.Combine(output.FullName, "ConcurrencyLab.Portal.dll"), output.FullName, new Dictionary<string, string>());
            using var client = new HttpClient { BaseAddress = portal.Address };
            var html = await client.GetStringAsync("/lessons/threads");
            Assert.Contains("data-demo=\"spawn-threads\"", html);
            var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(js/app[^\"]+)\"").Groups[1].Value;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(script)).StatusCode);
            Assert.True(File.Exists(Path.Combine(output.FullName, "data", "portal.db")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task RunToEndAsync(string file, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed:\n{await stdout}\n{await stderr}");
    }
}
