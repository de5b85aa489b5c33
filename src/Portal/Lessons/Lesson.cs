namespace ConcurrencyLab.Portal.Lessons;

/// <summary>A lesson of the course, in every language, with what its front matter declares.</summary>
public sealed record Lesson(
    string Slug,
    int Order,
    IReadOnlyList<string> Demos,
    IReadOnlyList<string> SeeAlso,
    IReadOnlyDictionary<string, LessonText> Texts,
    IReadOnlyList<string> Problems)
{
    /// <summary>The lesson in <paramref name="language"/>.</summary>
    public LessonText In(string language) => Texts[language];
}
