using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Bench;

/// <summary>What the figures were measured on; they mean little without it.</summary>
internal sealed record Machine(int Cores, string Cpu, string Os, string Runtime, bool IsRelease)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})",
        IsOptimized(typeof(Machine).Assembly) && IsOptimized(typeof(EventLog).Assembly));

    public override string ToString() =>
        $"{Cores} logical cores ({Cpu}), {Os}, {Runtime}, {(IsRelease ? "Release" : "DEBUG")} build";

    /// <summary>A Debug build of the bench or of the Engine disables the JIT optimizer and makes every figure meaningless.</summary>
    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
