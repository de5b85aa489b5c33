namespace ConcurrencyLab.Bench;

/// <summary>One target from the issue and whether this run met it.</summary>
/// <param name="Target">The target, in words.</param>
/// <param name="Measured">What was measured against it, in words.</param>
/// <param name="Met">Whether it was met.</param>
internal sealed record TargetCheck(string Target, string Measured, bool Met);
