using System.ComponentModel.DataAnnotations;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>Admission, streaming and the limits of each run.</summary>
public sealed class RunsOptions
{
    public const string SectionName = "Runs";

    /// <summary>Runs allowed at once; 0 means one per core.</summary>
    [Range(0, 256)]
    public int MaxConcurrent { get; set; }

    /// <summary>Runs that may wait for a slot before new ones are refused as "busy".</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; } = 100;

    /// <summary>Runs one visitor may have queued or running at once.</summary>
    [Range(1, 1_000)]
    public int MaxGoingPerVisitor { get; set; } = 2;

    /// <summary>Runs one visitor may start in a minute.</summary>
    [Range(1, 10_000)]
    public int MaxPerVisitorPerMinute { get; set; } = 20;

    /// <summary>Most events sent to a browser in one message.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>How long a partial batch may wait for company before it is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Longest a run's newest events wait before they are written to the database: what a crash may lose.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan RecordInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a finished run stays in memory for watchers after it is stored.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Warm worker processes kept ready for process demos; Size 0 starts every process cold.</summary>
    [Required]
    [ValidateObjectMembers]
    public WorkerPoolOptions WorkerPool { get; set; } = new();

    /// <summary>The limits of each run.</summary>
    [Required]
    [ValidateObjectMembers]
    public RunLimits Limits { get; set; } = new();

    /// <summary>The number of runs allowed at once on this machine.</summary>
    public int EffectiveConcurrency => MaxConcurrent > 0 ? MaxConcurrent : Environment.ProcessorCount;
}
