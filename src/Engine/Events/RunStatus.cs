namespace ConcurrencyLab.Engine.Events;

/// <summary>The life of a run. Every status after <see cref="Started"/> is final.</summary>
public enum RunStatus
{
    /// <summary>Admitted and waiting for a slot.</summary>
    Queued,

    /// <summary>The demo is running.</summary>
    Started,

    /// <summary>The demo finished normally.</summary>
    Completed,

    /// <summary>The demo threw or a part of it crashed.</summary>
    Failed,

    /// <summary>Someone pressed Cancel.</summary>
    Cancelled,

    /// <summary>The demo ran past its wall-time limit and was stopped.</summary>
    TimedOut,

    /// <summary>The demo hit an output or event cap and was stopped.</summary>
    Truncated,

    /// <summary>The host stopped (crashed or was killed) while the run was going; the run keeps what was stored.</summary>
    Interrupted,
}
