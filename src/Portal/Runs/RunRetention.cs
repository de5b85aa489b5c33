using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Enforces <see cref="RetentionOptions"/> every interval and soon after each run ends.</summary>
public sealed class RunRetention(RunStore store, RunManager runs, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RunRetention> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _nudged = new(0, 1);

    /// <summary>Asks for a pass soon (a run just ended).</summary>
    public void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // a pass is already due
        }
    }

    /// <summary>One pass: deletes what the limits no longer allow; returns the deleted runs' ids.</summary>
    public async Task<IReadOnlyList<string>> PruneAsync()
    {
        var pruned = await store.PruneAsync(options.Value, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
        foreach (var id in pruned)
        {
            runs.Forget(id);
        }

        if (pruned.Count > 0)
        {
            logger.LogInformation("Retention deleted {Count} runs", pruned.Count);
        }

        return pruned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        runs.RunEnded += _ => Nudge();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync().ConfigureAwait(false);
                await _nudged.WaitAsync(options.Value.Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retention pass failed");
                await Task.Delay(options.Value.Interval, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
