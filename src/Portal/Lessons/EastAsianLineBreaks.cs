using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConcurrencyLab.Portal.Lessons;

/// <summary>
/// Drops a soft line break between two East Asian wide characters. Chinese is written without spaces, but
/// a browser shows every line break inside a paragraph as a space, so a lesson wrapped at 100 columns
/// would read "启动 一千个". A break next to Latin text stays a space; Hangul is written with spaces and is
/// left alone. (Pandoc's east_asian_line_breaks does the same.)
/// </summary>
internal static class EastAsianLineBreaks
{
    public static void Join(MarkdownDocument document)
    {
        var joinable = document.Descendants<LineBreakInline>()
            .Where(b => !b.IsHard && IsWide(LastCharBefore(b)) && IsWide(FirstCharAfter(b)))
            .ToList();
        foreach (var lineBreak in joinable)
        {
            lineBreak.Remove();
        }
    }

    /// <summary>Han, kana, bopomofo, and the punctuation and full-width forms written with them.</summary>
    public static bool IsWide(char? c) => c is
        (>= '\u2E80' and <= '\u303F') or (>= '\u3040' and <= '\u31FF') or (>= '\u3400' and <= '\u4DBF')
        or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
        or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');

    private static char? LastCharBefore(Inline inline) => inline.PreviousSibling is { } previous ? LastChar(previous) : null;

    private static char? FirstCharAfter(Inline inline) => inline.NextSibling is { } next ? FirstChar(next) : null;

    private static char? LastChar(Inline inline) => inline switch
    {
        LiteralInline { Content.Length: > 0 } literal => literal.Content[literal.Content.End],
        CodeInline { Content.Length: > 0 } code => code.Content[^1],
        ContainerInline { LastChild: { } last } => LastChar(last),
        _ => null,
    };

    private static char? FirstChar(Inline inline) => inline switch
    {
        LiteralInline { Content.Length: > 0 } literal => literal.Content[literal.Content.Start],
        CodeInline { Content.Length: > 0 } code => code.Content[0],
        ContainerInline { FirstChild: { } first } => FirstChar(first),
        _ => null,
    };
}
