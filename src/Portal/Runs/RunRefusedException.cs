namespace ConcurrencyLab.Portal.Runs;

/// <summary>The run was not admitted (the queue is full); nothing started.</summary>
public sealed class RunRefusedException(string message) : Exception(message);
