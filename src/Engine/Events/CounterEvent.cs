namespace ConcurrencyLab.Engine.Events;

/// <summary>A named value at a moment (shared counter, queue length, items done).</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Name">Counter name.</param>
/// <param name="Value">Its value from this moment on.</param>
public sealed record CounterEvent(long T, string Name, double Value) : RunEvent(T);
