using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Portal.Testing;

/// <summary>
/// The whole portal on real Kestrel at a loopback port, with the repository's appsettings.json and
/// content/, and its own temporary SQLite file that is deleted afterwards.
/// </summary>
public sealed class PortalApplication : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("concurrency-lab-tests-");
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection> _services;

    public PortalApplication() : this(new Dictionary<string, string?>(), _ => { })
    {
    }

    private PortalApplication(Dictionary<string, string?> settings, Action<IServiceCollection> services)
    {
        _services = services;
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Data:DatabasePath"] = DatabasePath,
        };
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        try
        {
            StartServer();
        }
        catch
        {
            Dispose(); // a portal that refused to start leaves no database folder behind
            throw;
        }
    }

    /// <summary>A portal whose configuration is overridden by <paramref name="settings"/> ("Runs:QueueLimit" = "0")
    /// and whose services <paramref name="services"/> may replace (e.g. a demo catalogue with a test demo).</summary>
    public static PortalApplication With(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new(settings, services ?? (_ => { }));

    /// <summary>The repository root: where Portal.sln, appsettings.json and content/ are.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The temporary SQLite file of this instance.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory.FullName, "portal.db");

    /// <summary>The real address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");

    /// <summary>Waits until the run is stored as ended (final status, summary) and returns it.</summary>
    public async Task<Data.StoredRun> WaitForEndedRunAsync(string runId)
    {
        var archive = Services.GetRequiredService<Runs.RunArchive>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await archive.FindAsync(runId) is { EndedUtc: not null } stored)
            {
                return stored;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>An HTTP client that does not follow redirects, so tests see them.</summary>
    public HttpClient CreatePlainClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot);
        builder.UseEnvironment("Production"); // as operators run it: no developer pages, no development-only services
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory.FullName))
        {
            _dataDirectory.Delete(recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
