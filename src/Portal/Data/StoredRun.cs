namespace ConcurrencyLab.Portal.Data;

/// <summary>A finished run as stored: what ran, how it ended, and its whole event log.</summary>
public sealed class StoredRun
{
    public required string Id { get; init; }
    public required string DemoId { get; init; }

    /// <summary>The validated parameters, as a JSON object.</summary>
    public required string ParametersJson { get; init; }

    /// <summary>Final status, kebab-case as in the event model ("timed-out").</summary>
    public required string Status { get; init; }

    public required DateTime CreatedUtc { get; init; }
    public required long DurationMicros { get; init; }
    public required int EventCount { get; init; }

    /// <summary>The event log as a JSON array, in sequence order.</summary>
    public required string EventsJson { get; init; }
}
