using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>How many ended runs are kept; the oldest go first when any limit is passed.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Runs:Retention";

    /// <summary>Ended runs older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most runs kept, counting those still going.</summary>
    [Range(1, 10_000_000)]
    public int MaxRuns { get; set; } = 10_000;

    /// <summary>Most bytes of stored (compressed) events kept.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>How often the limits are enforced, besides after each run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
