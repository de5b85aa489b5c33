namespace ConcurrencyLab.Engine.Events;

/// <summary>
/// Consecutive events of one log; the sequence number of <c>Events[i]</c> is <c>First + i</c>. A value, and a
/// view of storage that never changes, so a hundred readers streaming a run allocate nothing per batch.
/// </summary>
/// <param name="First">Sequence number of the first event.</param>
/// <param name="Events">The events, in log order.</param>
public readonly record struct EventBatch(long First, ArraySegment<RunEvent> Events);
