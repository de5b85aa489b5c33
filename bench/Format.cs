using System.Globalization;

namespace ConcurrencyLab.Bench;

/// <summary>How figures are written, the same on the console and in the markdown file.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Millis(double micros) => (micros / 1000).ToString("0.000", Invariant) + " ms";

    public static string Rate(double perSecond) => (perSecond / 1e6).ToString("0.00", Invariant) + " M/s";

    public static string Ratio(double ratio) => ratio.ToString("0.00", Invariant) + "×";

    public static string Percent(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", Invariant) + " %";

    public static string Count(long count) => count.ToString("N0", Invariant);

    public static string Delay(TimeSpan delay) => delay == TimeSpan.Zero ? "none" : delay.TotalMilliseconds.ToString("0", Invariant) + " ms";

    public static string Verdict(bool met) => met ? "met" : "MISSED";
}
