namespace ConcurrencyLab.Engine.Events;

/// <summary>What a lane is doing from a state event until its next one.</summary>
public enum LaneState
{
    /// <summary>Executing on a core.</summary>
    Running,

    /// <summary>Able to run, waiting for a core or a scheduler.</summary>
    Ready,

    /// <summary>Blocked on a lock held by someone else.</summary>
    Blocked,

    /// <summary>Waiting for an event, semaphore, join or result.</summary>
    Waiting,

    /// <summary>Sleeping for a set time.</summary>
    Sleeping,

    /// <summary>Waiting for input or output.</summary>
    Io,

    /// <summary>Finished.</summary>
    Done,
}
