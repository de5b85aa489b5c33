namespace ConcurrencyLab.Portal.Lessons;

/// <summary>The YAML block at the top of a lesson file.</summary>
public sealed class LessonFrontMatter
{
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public int Order { get; set; }
    public List<string> Demos { get; set; } = [];
    public List<string> SeeAlso { get; set; } = [];
}
