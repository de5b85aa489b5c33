namespace ConcurrencyLab.Engine.Events;

/// <summary>Consecutive events of one log; the sequence number of <c>Events[i]</c> is <c>First + i</c>.</summary>
/// <param name="First">Sequence number of the first event.</param>
/// <param name="Events">The events, in log order.</param>
public sealed record EventBatch(long First, IReadOnlyList<RunEvent> Events);
