using System.Buffers;
using System.Text;
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
            .Where(b => !b.IsHard && IsWide(LastRuneBefore(b)) && IsWide(FirstRuneAfter(b)))
            .ToList();
        foreach (var lineBreak in joinable)
        {
            lineBreak.Remove();
        }
    }

    /// <summary>
    /// Han (the supplementary planes too), kana, bopomofo, and the punctuation and full-width forms written with them.
    /// Hangul, compatibility jamo included, is not: Korean is written with spaces.
    /// </summary>
    public static bool IsWide(Rune? rune) => rune?.Value is
        (>= 0x2E80 and <= 0x312F) or (>= 0x3190 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
        or (>= 0x20000 and <= 0x3FFFF);

    private static Rune? LastRuneBefore(Inline inline) => inline.PreviousSibling is { } previous ? LastRune(previous) : null;

    private static Rune? FirstRuneAfter(Inline inline) => inline.NextSibling is { } next ? FirstRune(next) : null;

    private static Rune? LastRune(Inline inline) => inline switch
    {
        LiteralInline literal => Last(literal.Content.AsSpan()),
        CodeInline code => Last(code.Content),
        ContainerInline { LastChild: { } last } => LastRune(last),
        _ => null,
    };

    private static Rune? FirstRune(Inline inline) => inline switch
    {
        LiteralInline literal => First(literal.Content.AsSpan()),
        CodeInline code => First(code.Content),
        ContainerInline { FirstChild: { } first } => FirstRune(first),
        _ => null,
    };

    private static Rune? Last(ReadOnlySpan<char> text) =>
        Rune.DecodeLastFromUtf16(text, out var rune, out _) == OperationStatus.Done ? rune : null;

    private static Rune? First(ReadOnlySpan<char> text) =>
        Rune.DecodeFromUtf16(text, out var rune, out _) == OperationStatus.Done ? rune : null;
}
