using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>A setting out of its range stops the portal at start, naming the setting, instead of misbehaving later.</summary>
public class SettingsTests
{
    [Theory]
    [InlineData("Runs:QueueLimit", "-1", "'RunsOptions' members: 'QueueLimit'")]
    [InlineData("Runs:Limits:MaxThreads", "0", "'RunsOptions.Limits' members: 'MaxThreads'")]
    [InlineData("Runs:Limits:WorkerMemoryBytes", "1024", "'RunsOptions.Limits' members: 'WorkerMemoryBytes'")]
    [InlineData("Runs:WorkerPool:Size", "100", "'RunsOptions.WorkerPool' members: 'Size'")]
    public void ASettingOutOfRangeStopsThePortalAtStart(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => PortalApplication.With(new() { [key] = value }));

        Assert.Contains(named, string.Join(" ", error.Failures));
    }
}
