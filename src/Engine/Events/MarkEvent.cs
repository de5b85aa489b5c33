namespace ConcurrencyLab.Engine.Events;

/// <summary>An instant worth a label (lock acquired, item produced), optionally linked to another lane.</summary>
/// <param name="T">Microseconds since run start.</param>
/// <param name="Lane">The lane the instant belongs to.</param>
/// <param name="Label">What happened.</param>
/// <param name="Link">Another lane involved, e.g. the lane this one woke.</param>
public sealed record MarkEvent(long T, int Lane, string Label, int? Link = null) : RunEvent(T);
