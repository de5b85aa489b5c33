using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Tests.Demos.ProcessLife;

/// <summary>
/// Every demo here starts worker processes, each a whole .NET runtime. With other builds sharing the
/// machine's two cores a start can take seconds, so these tests allow more wall time than a visitor gets.
/// </summary>
internal static class Patience
{
    public static RunLimits Limits { get; } = new() { WallTime = TimeSpan.FromSeconds(25) };
}
