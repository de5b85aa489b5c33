using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

            var address = new Uri($"http://127.0.0.1:{FreePort()}/");
            using var portal = Process.Start(new ProcessStartInfo("dotnet", ["ConcurrencyLab.Portal.dll", "--urls", address.ToString()])
            {
                WorkingDirectory = output.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            portal.OutputDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            portal.ErrorDataReceived += (_, line) => log.Enqueue(line.Data ?? "");
            portal.BeginOutputReadLine();
            portal.BeginErrorReadLine();
            try
            {
                using var client = new HttpClient { BaseAddress = address };
                var html = await GetWhenUpAsync(client, "/lessons/threads", portal);
                Assert.False(portal.HasExited, string.Join('\n', log));
                Assert.Contains("data-demo=\"spawn-threads\"", html);
                var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(js/app[^\"]+)\"").Groups[1].Value;
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(script)).StatusCode);
                Assert.True(File.Exists(Path.Combine(output.FullName, "data", "portal.db")));
            }
            finally
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }
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

    private static async Task<string> GetWhenUpAsync(HttpClient client, string path, Process portal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await client.GetStringAsync(path);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !portal.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
