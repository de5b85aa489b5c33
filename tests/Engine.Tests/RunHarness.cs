using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests;

/// <summary>Runs a demo to its end and hands back its log, failing the test if it hangs.</summary>
internal static class RunHarness
{
    public static async Task<(RunStatus Status, RunEvent[] Events)> RunAsync(
        IDemo demo, IReadOnlyDictionary<string, string>? parameters = null, RunLimits? limits = null)
    {
        var run = Create(demo, parameters, limits);
        run.Start();
        var status = await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return (status, run.Log.Slice(0, run.Log.Count));
    }

    public static DemoRun Create(IDemo demo, IReadOnlyDictionary<string, string>? parameters = null, RunLimits? limits = null) =>
        new(demo, DemoParameters.Bind(demo.Info.Parameters, parameters), limits ?? new RunLimits());
}
