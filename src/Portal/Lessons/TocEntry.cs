namespace ConcurrencyLab.Portal.Lessons;

/// <summary>A heading of a lesson, for its table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);
