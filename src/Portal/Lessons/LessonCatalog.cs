using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Localization;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Lessons;

/// <summary>
/// The lessons under the content folder, loaded at start-up and again whenever a file there changes,
/// so an instructor can edit a lesson while the portal runs.
/// </summary>
public sealed partial class LessonCatalog : IDisposable
{
    private readonly string _root;
    private readonly DemoCatalog _demos;
    private readonly ILogger<LessonCatalog> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _reload;
    private volatile IReadOnlyList<Lesson> _lessons = [];

    public LessonCatalog(IOptions<LessonsOptions> options, IHostEnvironment environment, DemoCatalog demos, ILogger<LessonCatalog> logger)
    {
        _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ContentPath));
        _demos = demos;
        _logger = logger;
        _reload = new Timer(_ => Reload());
        Reload();
        if (Directory.Exists(_root))
        {
            _watcher = new FileSystemWatcher(_root) { IncludeSubdirectories = true, EnableRaisingEvents = true };
            _watcher.Changed += OnChanged;
            _watcher.Created += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
        }
    }

    /// <summary>Every lesson, in course order.</summary>
    public IReadOnlyList<Lesson> All => _lessons;

    /// <summary>The lesson with this slug, or null; anything that is not a plain slug finds nothing.</summary>
    public Lesson? Find(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) ? _lessons.FirstOrDefault(l => l.Slug == slug) : null;

    /// <summary>The lessons before and after <paramref name="lesson"/>.</summary>
    public (Lesson? Previous, Lesson? Next) Neighbours(Lesson lesson)
    {
        var lessons = _lessons;
        var index = lessons.ToList().FindIndex(l => l.Slug == lesson.Slug);
        return (index > 0 ? lessons[index - 1] : null, index >= 0 && index < lessons.Count - 1 ? lessons[index + 1] : null);
    }

    /// <summary>Reads every lesson folder again; a lesson that fails to load is logged and left out.</summary>
    public void Reload()
    {
        if (!Directory.Exists(_root))
        {
            _logger.LogWarning("Lesson folder {Root} does not exist; the course is empty", _root);
            _lessons = [];
            return;
        }

        var lessons = new List<Lesson>();
        foreach (var folder in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            var match = FolderPattern().Match(Path.GetFileName(folder));
            if (!match.Success)
            {
                continue;
            }

            try
            {
                lessons.Add(Load(folder, match.Groups["slug"].Value));
            }
            catch (Exception ex) when (ex is IOException or FormatException or YamlDotNet.Core.YamlException)
            {
                _logger.LogError(ex, "Lesson {Folder} could not be loaded", folder);
            }
        }

        _lessons = [.. lessons.OrderBy(l => l.Order).ThenBy(l => l.Slug, StringComparer.Ordinal)];
        _logger.LogInformation("Loaded {Count} lessons from {Root}", _lessons.Count, _root);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _reload.Dispose();
    }

    private Lesson Load(string folder, string slug)
    {
        var texts = new Dictionary<string, LessonText>();
        var problems = new List<string>();
        LessonFrontMatter? english = null;
        foreach (var language in Language.Supported)
        {
            var file = Path.Combine(folder, language + ".md");
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"Lesson '{slug}' has no {language}.md.", file);
            }

            var (frontMatter, text) = LessonRenderer.Render(File.ReadAllText(file), UiText.ShowAnswer.In(language));
            english ??= frontMatter;
            texts[language] = text;
            problems.AddRange(CheckDemos(language, text));
        }

        foreach (var problem in problems)
        {
            _logger.LogWarning("Lesson {Slug}: {Problem}", slug, problem);
        }

        return new Lesson(slug, english!.Order, english.Demos, english.SeeAlso, texts, problems);
    }

    private IEnumerable<string> CheckDemos(string language, LessonText text)
    {
        foreach (var block in text.Blocks.OfType<DemoBlock>())
        {
            var demo = _demos.Find(block.DemoId);
            if (demo is null)
            {
                yield return $"{language}.md embeds unknown demo '{block.DemoId}'";
                continue;
            }

            string? error = null;
            try
            {
                DemoParameters.Bind(demo.Info.Parameters, block.Parameters);
            }
            catch (DemoParameterException ex)
            {
                error = $"{language}.md demo '{block.DemoId}': {ex.Message}";
            }

            if (error is not null)
            {
                yield return error;
            }
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _reload.Change(TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]+-(?<slug>[a-z0-9-]+)$")]
    private static partial Regex FolderPattern();
}
