using System.Numerics;
using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Demos.ProcessLife;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests.Demos.ProcessLife;

public partial class PrimePoolDemoTests
{
    [Fact]
    public async Task ThePoolAnswersEveryNumberCorrectlyOnWorkerProcesses()
    {
        var (status, events) = await RunHarness.RunAsync(new PrimePoolDemo(), limits: Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var workers = events.OfType<LaneEvent>().Where(l => l.Kind == LaneKind.Process).ToList();
        Assert.Equal(4, workers.Count);
        Assert.DoesNotContain(workers, w => w.Pid == Environment.ProcessId);
        var results = Results(events);
        Assert.Equal(Enumerable.Range(1, 16), results.Select(r => r.Index).Order());
        Assert.All(results, AssertCorrect);
        Assert.Contains(results, r => r.Prime);
        Assert.Contains(results, r => !r.Prime);
    }

    [Fact]
    public async Task MapPrintsResultsInInputOrder()
    {
        var (status, events) = await RunHarness.RunAsync(new PrimePoolDemo(), new Dictionary<string, string> { ["workers"] = "3", ["jobs"] = "12", ["order"] = "input" }, Patience.Limits);

        Assert.Equal(RunStatus.Completed, status);
        var results = Results(events);
        Assert.Equal(Enumerable.Range(1, 12), results.Select(r => r.Index));
        Assert.All(results, AssertCorrect);
    }

    private static void AssertCorrect(PoolResult r)
    {
        Assert.Equal(IsPrime(r.Number), r.Prime);
        if (!r.Prime)
        {
            Assert.Equal(r.Number, r.Factor * r.Cofactor);
            Assert.True(r.Factor > 1 && r.Factor <= r.Cofactor);
        }
    }

    private static List<PoolResult> Results(RunEvent[] events) => events.OfType<OutputEvent>()
        .Select(o => ResultLine().Match(o.Text))
        .Where(m => m.Success)
        .Select(m => new PoolResult(
            int.Parse(m.Groups[1].Value),
            long.Parse(m.Groups[2].Value),
            m.Groups[3].Value == "prime",
            m.Groups[4].Success ? long.Parse(m.Groups[4].Value) : 0,
            m.Groups[5].Success ? long.Parse(m.Groups[5].Value) : 0))
        .ToList();

    /// <summary>Miller–Rabin with the first twelve primes as bases: exact for every 64-bit number, and nothing like trial division.</summary>
    private static bool IsPrime(long n)
    {
        long[] bases = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
        if (bases.Contains(n))
        {
            return true;
        }

        if (n < 2 || bases.Any(p => n % p == 0))
        {
            return false;
        }

        var d = n - 1;
        var s = 0;
        while (d % 2 == 0)
        {
            d /= 2;
            s++;
        }

        foreach (var a in bases)
        {
            var x = BigInteger.ModPow(a, d, n);
            if (x == 1 || x == n - 1)
            {
                continue;
            }

            var witness = true;
            for (var i = 1; i < s && witness; i++)
            {
                x = BigInteger.ModPow(x, 2, n);
                witness = x != n - 1;
            }

            if (witness)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^#(\d+)\s+(\d+) (prime|= (\d+) × (\d+))")]
    private static partial Regex ResultLine();

    private sealed record PoolResult(int Index, long Number, bool Prime, long Factor, long Cofactor);
}
