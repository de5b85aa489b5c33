using ConcurrencyLab.Portal.Components.Runs;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>A duration reads the same on the server's pages as in the widget (format.ts).</summary>
public class RunTextTests
{
    [Theory]
    [InlineData(850, "850 µs")]
    [InlineData(1_000, "1.00 ms")]
    [InlineData(12_340, "12.3 ms")]
    [InlineData(2_881_000, "2.88 s")]
    [InlineData(16_250_000, "16.3 s")]
    [InlineData(125_400_000, "125 s")]
    public void DurationsHaveThreeFiguresAndKeepTheirUnit(long micros, string shown)
    {
        Assert.Equal(shown.Replace(' ', '\u00a0'), RunText.Micros(micros));
    }
}
