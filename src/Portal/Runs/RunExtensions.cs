using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;
using ConcurrencyLab.Portal.Hubs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Registers admission, storage and the live hub.</summary>
public static class RunExtensions
{
    /// <summary>Hub messages from browsers are small; anything larger is refused.</summary>
    private const int MaxHubMessageBytes = 8 * 1024;

    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var runs = provider.GetRequiredService<IOptions<RunsOptions>>().Value;
            return new WorkerPool(runs.WorkerPool, runs.Limits);
        });
        services.AddSingleton<RunArchive>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunRecorder>();
        services.AddSingleton<VisitorQuota>();
        services.AddSingleton<RunManager>();
        services.AddHostedService(provider => provider.GetRequiredService<RunManager>());
        services.AddSingleton<RunRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<RunRetention>());
        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = MaxHubMessageBytes)
            .AddJsonProtocol(json => EventJson.Configure(json.PayloadSerializerOptions));
        return services;
    }

    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<RunHub>("/hub");
        endpoints.MapRunExports();
        return endpoints;
    }

    /// <summary>
    /// Cleans up after an earlier portal that stopped without ending its runs: kills the worker processes
    /// it left behind and marks its unfinished runs interrupted. The warm worker pool starts filling in
    /// between, so its workers boot while the database is being brought up to date.
    /// </summary>
    public static async Task RecoverInterruptedRunsAsync(this WebApplication app)
    {
        var killed = ProcessReaper.ReapLeftovers();
        if (killed > 0)
        {
            app.Logger.LogWarning("Killed {Count} worker processes left behind by an earlier run of the portal", killed);
        }

        _ = app.Services.GetRequiredService<WorkerPool>(); // created here, its warm workers start booting now
        var interrupted = await app.Services.GetRequiredService<RunStore>().MarkInterruptedAsync();
        if (interrupted > 0)
        {
            app.Logger.LogWarning("Marked {Count} runs interrupted: the portal stopped while they were going", interrupted);
        }
    }
}
