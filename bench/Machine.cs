using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using ConcurrencyLab.Engine.Events;
using EventLog = ConcurrencyLab.Engine.Events.EventLog; // not System.Diagnostics.EventLog, which the portal's framework brings

namespace ConcurrencyLab.Bench;

/// <summary>What the figures were measured on; they mean little without it.</summary>
internal sealed record Machine(int Cores, string Cpu, string Os, string Runtime, bool IsRelease, double? OtherWork)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})",
        IsOptimized(typeof(Machine).Assembly) && IsOptimized(typeof(EventLog).Assembly),
        WaitForQuiet());

    /// <summary>Other work on the machine takes cores from the benchmark and makes the figures noisy.</summary>
    public bool IsBusy => OtherWork > 0.2;

    public override string ToString() =>
        $"{Cores} logical cores ({Cpu}), {Os}, {Runtime}, {(IsRelease ? "Release" : "DEBUG")} build" +
        (OtherWork is { } busy ? FormattableString.Invariant($", {busy:0%} of the CPU busy with other work at start") : "");

    /// <summary>A Debug build of the bench or of the Engine disables the JIT optimizer and makes every figure meaningless.</summary>
    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    /// <summary>
    /// The share of all cores busy with other work (from /proc/stat, while this program sleeps). Waits up to ten
    /// seconds for it to drop below a tenth: right after `dotnet run` starts the program, the SDK keeps a core
    /// busy for a few seconds, which would land on the first figures.
    /// </summary>
    private static double? WaitForQuiet()
    {
        static long[]? Read() => File.Exists("/proc/stat")
            ? File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : null;

        double? busy = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            var before = Read();
            Thread.Sleep(250);
            var after = Read();
            if (before is null || after is null)
            {
                return null;
            }

            // Fields: user nice system idle iowait irq softirq steal ...; idle and iowait are the idle ones.
            var total = after.Sum() - before.Sum();
            var idle = after[3] + after[4] - before[3] - before[4];
            busy = total > 0 ? 1 - (double)idle / total : 0;
        }
        while (busy >= 0.1 && DateTime.UtcNow < deadline);
        return busy;
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
