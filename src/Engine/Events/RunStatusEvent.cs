namespace ConcurrencyLab.Engine.Events;

/// <summary>The run as a whole changes status.</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Status">The new status.</param>
/// <param name="Detail">Why, for failures and truncation; the queue position for <see cref="RunStatus.Queued"/>.</param>
public sealed record RunStatusEvent(long T, RunStatus Status, string? Detail = null) : RunEvent(T);
