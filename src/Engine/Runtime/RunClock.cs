using System.Diagnostics;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// Microseconds since a run started, on the monotonic clock (CLOCK_MONOTONIC on Linux), so every
/// process on the machine that knows the origin agrees on the time axis.
/// </summary>
public sealed class RunClock
{
    /// <summary>A clock whose origin is now.</summary>
    public RunClock() => Origin = Stopwatch.GetTimestamp();

    /// <summary>A clock that shares another process's origin (a raw monotonic timestamp).</summary>
    public RunClock(long origin) => Origin = origin;

    /// <summary>The raw monotonic timestamp of time zero.</summary>
    public long Origin { get; private set; }

    /// <summary>Microseconds since the origin.</summary>
    public long Now => Stopwatch.GetElapsedTime(Origin).Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>Moves time zero to this moment.</summary>
    public void Restart() => Origin = Stopwatch.GetTimestamp();
}
