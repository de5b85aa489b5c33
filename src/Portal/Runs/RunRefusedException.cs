namespace ConcurrencyLab.Portal.Runs;

/// <summary>The run was not admitted (the queue is full, or the visitor is over a limit); nothing started.</summary>
public sealed class RunRefusedException(string message) : Exception(message);
