using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>The run was not admitted (the queue is full, or the visitor is over a limit); nothing started.</summary>
public sealed class RunRefusedException(LocalizedText reason) : Exception(reason.En)
{
    /// <summary>Why, and what to do, in both languages.</summary>
    public LocalizedText Reason { get; } = reason;
}
