namespace ConcurrencyLab.Engine.Events;

/// <summary>A process, thread, task or coroutine appears, with the real ids the OS gave it.</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Lane">Lane id, unique within the run.</param>
/// <param name="Parent">The lane that started this one, if any.</param>
/// <param name="Kind">What the lane is.</param>
/// <param name="Name">Display name.</param>
/// <param name="Pid">OS process id.</param>
/// <param name="Tid">OS thread id (gettid), when the lane is bound to one thread.</param>
/// <param name="ManagedId">Managed thread id, when the lane is a .NET thread.</param>
public sealed record LaneEvent(long T, int Lane, int? Parent, LaneKind Kind, string Name, int Pid, int? Tid, int? ManagedId)
    : RunEvent(T);
