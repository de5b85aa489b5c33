using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>A non-blocking sleep that also draws the wait for the scheduler, not only the wait for the timer.</summary>
internal static class Naps
{
    /// <summary>
    /// Awaits a timer like <c>await Task.Delay</c>. The lane is sleeping until the timer fires, then ready
    /// while its continuation sits in the scheduler's queue (on a busy or blocked loop, that is visible),
    /// then running once the scheduler it captured (the loop, or the thread pool) runs it.
    /// </summary>
    public static async Task SleepAsync(Lane lane, TimeSpan duration, CancellationToken cancellation)
    {
        lane.Enter(LaneState.Sleeping);
        var timerFired = Task.Delay(duration, cancellation).ContinueWith(
            delay =>
            {
                delay.GetAwaiter().GetResult();
                lane.Enter(LaneState.Ready, "timer fired");
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        // Resume through the captured scheduler even though the timer thread could run us at once:
        // on the loop that means "get in line", on the pool "any free worker".
        await timerFired.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding);
        lane.Enter(LaneState.Running);
    }
}
