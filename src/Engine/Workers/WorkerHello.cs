namespace ConcurrencyLab.Engine.Workers;

/// <summary>
/// A worker's first line on the event socket. Lane ids in its events are its own; lane 0 is its
/// process lane, which is lane <see cref="OwnerLane"/> of the process <see cref="OwnerPid"/> that started it.
/// </summary>
/// <param name="Pid">The worker's pid.</param>
/// <param name="OwnerPid">The pid of the process that started it.</param>
/// <param name="OwnerLane">Its process lane, as numbered by that process.</param>
public sealed record WorkerHello(int Pid, int OwnerPid, int OwnerLane);
