using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConcurrencyLab.Portal.Testing;

/// <summary>
/// The portal as its own OS process (`dotnet ConcurrencyLab.Portal.dll`) on a free loopback port, for
/// tests that must kill it the hard way or run its published output.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, line) => _log.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => _log.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>What the portal printed so far, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>The portal built beside this test project (the same configuration), as `dotnet build` leaves it.</summary>
    public static string BuiltPortal()
    {
        // tests/<Project>/bin/<Configuration>/net10.0/ → src/Portal/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var candidates = new[]
        {
            Path.Combine(PortalApplication.RepositoryRoot, "src", "Portal", "bin", configuration, output.Name, "ConcurrencyLab.Portal.dll"),
            // with --artifacts-path: <artifacts>/bin/<Project>/<configuration>/ → <artifacts>/bin/Portal/<configuration>/
            Path.Combine(output.Parent.Parent!.FullName, "Portal", output.Name, "ConcurrencyLab.Portal.dll"),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The built portal is not where it was expected: " + string.Join(", ", candidates));
    }

    /// <summary>Starts the portal in <paramref name="portalDll"/> with <paramref name="settings"/> as environment
    /// configuration ("Data__DatabasePath"), and waits until it answers.</summary>
    public static async Task<PortalProcess> StartAsync(string portalDll, string contentRoot, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet", [portalDll, "--urls", address.ToString(), "--contentRoot", contentRoot])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, address);
        try
        {
            await portal.WaitUntilUpAsync();
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL to the portal alone, as the kernel's OOM killer or a power cut would do: nothing of it runs any more code.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as `docker stop` or systemd sends it: the portal shuts down in order, then exits.</summary>
    public async Task StopAsync()
    {
        if (Kill(Pid, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {Pid} failed.");
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilUpAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                (await client.GetAsync("/")).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException("The portal did not start:\n" + Log, ex);
            }
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
