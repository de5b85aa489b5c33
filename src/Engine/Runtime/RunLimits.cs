using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Engine.Runtime;

/// <summary>What one run may use. A demo or caller may lower a limit, never raise it.</summary>
public sealed record RunLimits
{
    /// <summary>Wall time before the run is stopped as timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a stopped run gets to wind down before it is ended regardless.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes of output (UTF-8) before the run is stopped as truncated.</summary>
    [Range(1, int.MaxValue)]
    public int MaxOutputBytes { get; init; } = 1 << 20;

    /// <summary>Threads a run may start.</summary>
    [Range(1, 4096)]
    public int MaxThreads { get; init; } = 256;

    /// <summary>Processes a run may start.</summary>
    [Range(1, 1024)]
    public int MaxProcesses { get; init; } = 64;

    /// <summary>Memory each worker process may use: its managed heap cap, and the growth of its address space.</summary>
    [Range(16L << 20, 64L << 30)]
    public long WorkerMemoryBytes { get; init; } = 256L << 20;

    /// <summary>Events a run may log before it is stopped as truncated.</summary>
    [Range(100, 50_000_000)]
    public int MaxEvents { get; init; } = 1_000_000;
}
