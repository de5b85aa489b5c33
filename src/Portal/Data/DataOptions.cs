using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Portal.Data;

/// <summary>Where the database lives.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>SQLite file; relative paths start at the content root. Its folder is created when missing.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/portal.db";
}
