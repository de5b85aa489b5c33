namespace ConcurrencyLab.Engine.Events;

/// <summary>A lane enters a state; the span lasts until the lane's next state event.</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Lane">The lane.</param>
/// <param name="State">The state entered.</param>
/// <param name="On">What the lane waits for or is blocked on (a lock name, "join"...).</param>
/// <param name="Inferred">True when the transition was inferred rather than measured at the real point.</param>
/// <param name="Tid">For task and coroutine lanes: the OS thread that runs this slice (a task may resume on another thread).</param>
public sealed record StateEvent(long T, int Lane, LaneState State, string? On = null, bool Inferred = false, int? Tid = null) : RunEvent(T);
