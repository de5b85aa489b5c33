using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ConcurrencyLab.Portal.Lessons;

/// <summary>
/// Turns a lesson file into front matter, safe HTML blocks and demo blocks. Raw HTML is escaped and
/// links are kept only for schemes on an allow-list (Markdig's DisableHtml alone lets <c>javascript:</c> through).
/// </summary>
public static class LessonRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseCustomContainers()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses and renders one lesson file; <paramref name="showAnswer"/> labels the reveal boxes.</summary>
    public static (LessonFrontMatter FrontMatter, LessonText Text) Render(string markdown, string showAnswer)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatter = ReadFrontMatter(document);
        DropUnsafeLinks(document);
        EastAsianLineBreaks.Join(document);

        var blocks = new List<LessonBlock>();
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new AnswerRenderer(showAnswer));

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is FencedCodeBlock { Info: "demo" } fence)
            {
                Flush(writer, blocks);
                blocks.Add(ParseDemo(fence.Arguments ?? ""));
                continue;
            }

            renderer.Render(block);
        }

        Flush(writer, blocks);
        var toc = document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
            .ToList();
        return (frontMatter, new LessonText(frontMatter.Title, frontMatter.Summary, blocks, toc));
    }

    /// <summary>True for links that cannot run script: relative paths, fragments and allow-listed schemes.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            return true;
        }

        return SafeSchemes.Contains(trimmed[..colon], StringComparer.OrdinalIgnoreCase);
    }

    private static LessonFrontMatter ReadFrontMatter(MarkdownDocument document)
    {
        var yaml = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (yaml is null)
        {
            throw new FormatException("The lesson has no front matter (a --- YAML block at the top).");
        }

        return Yaml.Deserialize<LessonFrontMatter?>(yaml.Lines.ToString()) ?? new LessonFrontMatter();
    }

    private static void DropUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            link.Url = "#";
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsSafeUrl(l.Url)))
        {
            autolink.Url = "#";
        }
    }

    private static DemoBlock ParseDemo(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parameters = words.Skip(1)
            .Select(w => w.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        return new DemoBlock(words.FirstOrDefault() ?? "", parameters);
    }

    private static void Flush(StringWriter writer, List<LessonBlock> blocks)
    {
        var html = writer.ToString();
        writer.GetStringBuilder().Clear();
        if (!string.IsNullOrWhiteSpace(html))
        {
            blocks.Add(new ProseBlock(html));
        }
    }

    private static string PlainText(ContainerInline? inline) => inline is null
        ? ""
        : string.Concat(inline.Descendants<LeafInline>().Select(l => l switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        }));

    /// <summary><c>::: answer</c> containers become click-to-reveal boxes.</summary>
    private sealed class AnswerRenderer(string showAnswer) : HtmlObjectRenderer<CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer container)
        {
            var isAnswer = container.Info == "answer";
            renderer.EnsureLine();
            if (isAnswer)
            {
                renderer.Write("<details class=\"answer\"><summary>").WriteEscape(showAnswer).WriteLine("</summary>");
            }
            else
            {
                renderer.Write("<div class=\"note\">").WriteLine();
            }

            renderer.WriteChildren(container);
            renderer.WriteLine(isAnswer ? "</details>" : "</div>");
        }
    }
}
