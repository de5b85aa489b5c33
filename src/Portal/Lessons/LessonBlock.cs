namespace ConcurrencyLab.Portal.Lessons;

/// <summary>A piece of a rendered lesson: prose, or a demo to embed.</summary>
public abstract record LessonBlock;
