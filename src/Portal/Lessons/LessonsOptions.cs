using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Portal.Lessons;

/// <summary>Where lessons come from.</summary>
public sealed class LessonsOptions
{
    public const string SectionName = "Lessons";

    /// <summary>Folder holding <c>nn-slug/{en,zh}.md</c>; relative paths start at the content root.</summary>
    [Required]
    public string ContentPath { get; set; } = "content";
}
