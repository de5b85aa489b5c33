using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.Processes;

/// <summary>
/// The default limits, with room for a machine so busy that starting a worker process takes seconds: these
/// tests check what the demos show, not how fast a loaded machine starts dotnet.
/// </summary>
internal static class LoadTolerantLimits
{
    public static RunLimits Value { get; } = new() { WallTime = TimeSpan.FromSeconds(25) };
}
