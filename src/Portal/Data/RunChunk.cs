namespace ConcurrencyLab.Portal.Data;

/// <summary>Consecutive events of one run, written while it runs: the sequence number of the first, and the events compressed.</summary>
public sealed class RunChunk
{
    public required string RunId { get; init; }

    /// <summary>Sequence number of the chunk's first event.</summary>
    public required int First { get; init; }

    public required int Count { get; init; }

    /// <summary>How <see cref="Data"/> is encoded; see <see cref="Runs.EventChunks"/>.</summary>
    public required string Encoding { get; init; }

    public required byte[] Data { get; init; }
}
