namespace ConcurrencyLab.Portal.Lessons;

/// <summary>A lesson in one language, rendered and ready to show.</summary>
public sealed record LessonText(
    string Title,
    string Summary,
    IReadOnlyList<LessonBlock> Blocks,
    IReadOnlyList<TocEntry> Toc);
