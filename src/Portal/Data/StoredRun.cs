namespace ConcurrencyLab.Portal.Data;

/// <summary>A run as stored: what ran, for whom, how it ended and its summary. Its events are in <see cref="RunChunk"/>s.</summary>
public sealed class StoredRun
{
    public required string Id { get; init; }
    public required string DemoId { get; init; }

    /// <summary>The visitor who started it (the visitor cookie), or null.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The validated parameters, as a JSON object.</summary>
    public required string ParametersJson { get; init; }

    /// <summary>Status, kebab-case as in the event model: "queued" and "started" while it runs, then final ("timed-out").</summary>
    public required string Status { get; set; }

    public required DateTime CreatedUtc { get; init; }

    /// <summary>When it ended; null while it runs.</summary>
    public DateTime? EndedUtc { get; set; }

    /// <summary>Timestamp of the latest stored event, in microseconds since the run started.</summary>
    public long DurationMicros { get; set; }

    /// <summary>Events stored so far.</summary>
    public int EventCount { get; set; }

    /// <summary>Bytes of compressed events stored so far.</summary>
    public long StoredBytes { get; set; }

    /// <summary>The <see cref="Runs.RunSummary"/> as JSON once the run has ended; null before.</summary>
    public string? SummaryJson { get; set; }
}
