namespace ConcurrencyLab.Engine.Events;

/// <summary>What a lane on the timeline stands for.</summary>
public enum LaneKind
{
    /// <summary>An OS process.</summary>
    Process,

    /// <summary>An OS thread.</summary>
    Thread,

    /// <summary>A .NET task.</summary>
    Task,

    /// <summary>A coroutine switched by hand (iterator or explicit switch).</summary>
    Coroutine,
}
