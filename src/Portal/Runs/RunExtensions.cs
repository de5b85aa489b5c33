using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Workers;
using ConcurrencyLab.Portal.Hubs;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Registers admission, storage and the live hub.</summary>
public static class RunExtensions
{
    /// <summary>Hub messages from browsers are small; anything larger is refused.</summary>
    private const int MaxHubMessageBytes = 8 * 1024;

    public static IServiceCollection AddRuns(this IServiceCollection services)
    {
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunArchive>();
        services.AddSingleton<RunManager>();
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

    /// <summary>Kills worker processes an earlier crash of the portal left behind.</summary>
    public static void ReapLeftoverWorkers(this WebApplication app)
    {
        var killed = ProcessReaper.ReapLeftovers();
        if (killed > 0)
        {
            app.Logger.LogWarning("Killed {Count} worker processes left behind by an earlier run of the portal", killed);
        }
    }
}
