using System.Text.Json;
using ConcurrencyLab.Portal.Components.Runs;
using ConcurrencyLab.Portal.Testing;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>A duration reads the same on the server's pages as in the widget (format.ts is tested with the same cases).</summary>
public class RunTextTests
{
    public static TheoryData<long, string> Durations()
    {
        var path = Path.Combine(PortalApplication.RepositoryRoot, "src", "Portal", "client", "test", "durations.json");
        var data = new TheoryData<long, string>();
        foreach (var pair in JsonSerializer.Deserialize<JsonElement[][]>(File.ReadAllText(path))!)
        {
            data.Add(pair[0].GetInt64(), pair[1].GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void DurationsHaveThreeFiguresAndKeepTheirUnit(long micros, string shown)
    {
        Assert.Equal(shown.Replace(' ', '\u00a0'), RunText.Micros(micros));
    }
}
