namespace ConcurrencyLab.Engine.Tests;

/// <summary>
/// Tests that judge speedups or how late a timer fired. xunit runs them one at a time after the parallel
/// tests, so the suite's own work cannot steal the cores or the thread pool they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
