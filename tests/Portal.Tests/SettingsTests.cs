using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>A setting out of its range stops the portal at start, naming the setting, instead of misbehaving later.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData("Runs:QueueLimit", "-1", "QueueLimit")]
    [InlineData("Runs:Limits:MaxThreads", "0", "Limits:MaxThreads")]
    [InlineData("Runs:Limits:WorkerMemoryBytes", "1024", "Limits:WorkerMemoryBytes")]
    [InlineData("Runs:WorkerPool:Size", "100", "WorkerPool:Size")]
    public void ASettingOutOfRangeStopsThePortalAtStart(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => PortalApplication.With(new() { [key] = value }));

        Assert.Contains(named, string.Join(" ", error.Failures));
    }
}
