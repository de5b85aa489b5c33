namespace ConcurrencyLab.Engine.Events;

/// <summary>A line a lane printed, with control characters made visible.</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Lane">The lane that printed it.</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="Stream">Which stream it went to.</param>
public sealed record OutputEvent(long T, int Lane, string Text, OutputStream Stream = OutputStream.Stdout) : RunEvent(T);
