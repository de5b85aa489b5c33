namespace ConcurrencyLab.Portal.Lessons;

/// <summary>Rendered Markdown: safe HTML (raw HTML in the source is escaped, unsafe links are dropped).</summary>
public sealed record ProseBlock(string Html) : LessonBlock;
