namespace ConcurrencyLab.Engine.Export;

/// <summary>Where a lane is drawn: thread track (Pid, Tid), or for tasks and coroutines an async track in Pid.</summary>
/// <param name="Pid">Process the track belongs to.</param>
/// <param name="Tid">Thread of the track; for async tracks the process id, since the lane has no fixed thread.</param>
/// <param name="IsAsync">True for task and coroutine lanes, whose slices are async events keyed by lane id.</param>
internal readonly record struct ChromeTrack(int Pid, int Tid, bool IsAsync);
