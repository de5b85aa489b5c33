namespace ConcurrencyLab.Engine.Events;

/// <summary>The CPU core a lane was running on at a moment (sched_getcpu).</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Lane">The lane.</param>
/// <param name="Core">Zero-based core number.</param>
public sealed record CpuEvent(long T, int Lane, int Core) : RunEvent(T);
