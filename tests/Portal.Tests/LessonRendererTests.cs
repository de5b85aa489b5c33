using ConcurrencyLab.Portal.Lessons;

namespace ConcurrencyLab.Portal.Tests;

public class LessonRendererTests
{
    private const string FrontMatter = "---\ntitle: T\nsummary: S\norder: 1\ndemos: [spawn-threads]\n---\n";

    [Fact]
    public void RawHtmlIsShownAsTextNotRun()
    {
        var html = RenderHtml("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x]( javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x][r]\n\n[r]: vbscript:msgbox")]
    public void LinksThatCouldRunScriptAreDropped(string markdown)
    {
        var html = RenderHtml(markdown);

        Assert.DoesNotContain("=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("=\"data:", html);
        Assert.DoesNotContain("=\"vbscript:", html);
        Assert.DoesNotContain("= \"javascript:", html);
    }

    [Theory]
    [InlineData("[x](https://example.org/a)", "href=\"https://example.org/a\"")]
    [InlineData("[x](/lessons/processes)", "href=\"/lessons/processes\"")]
    [InlineData("[x](#glossary)", "href=\"#glossary\"")]
    [InlineData("[x](mailto:teacher@example.org)", "href=\"mailto:teacher@example.org\"")]
    public void OrdinaryLinksAreKept(string markdown, string expected)
    {
        Assert.Contains(expected, RenderHtml(markdown));
    }

    [Fact]
    public void ADemoFenceBecomesADemoBlockWithItsParameters()
    {
        var (_, text) = LessonRenderer.Render(FrontMatter + "Before.\n\n```demo spawn-threads threads=8 pause=0\n```\n\nAfter.\n", "Show answer");

        Assert.Collection(
            text.Blocks,
            b => Assert.Contains("Before.", Assert.IsType<ProseBlock>(b).Html),
            b =>
            {
                var demo = Assert.IsType<DemoBlock>(b);
                Assert.Equal("spawn-threads", demo.DemoId);
                Assert.Equal("8", demo.Parameters["threads"]);
                Assert.Equal("0", demo.Parameters["pause"]);
            },
            b => Assert.Contains("After.", Assert.IsType<ProseBlock>(b).Html));
    }

    [Fact]
    public void FrontMatterHeadingsAndAnswersAreRead()
    {
        var (frontMatter, text) = LessonRenderer.Render(
            FrontMatter + "## First part\n\nText.\n\n### 小节\n\n::: answer\nBecause.\n:::\n", "Show answer");

        Assert.Equal("T", frontMatter.Title);
        Assert.Equal(["spawn-threads"], frontMatter.Demos);
        Assert.Equal([new TocEntry(2, "first-part", "First part"), new TocEntry(3, "小节", "小节")], text.Toc);
        Assert.Contains("<details class=\"answer\"><summary>Show answer</summary>", RenderHtml("::: answer\nBecause.\n:::"));
    }

    [Theory]
    [InlineData("那是不是就该启动\n一千个子进程？", "那是不是就该启动一千个子进程？")]
    [InlineData("在这台服务器上，\n机器空闲时", "在这台服务器上，机器空闲时")]
    [InlineData("这一课回答：\n**许多任务怎样分给少数几个进程？**", "这一课回答：<strong>许多任务怎样分给少数几个进程？</strong>")]
    [InlineData("用\n`lock` 保护", "用\n<code>lock</code> 保护")]
    [InlineData("A process is\na running program", "A process is\na running program")]
    [InlineData("生僻字𠀀\n𠀀也算", "生僻字𠀀𠀀也算")]
    [InlineData("한국어는\n띄어 쓴다", "한국어는\n띄어 쓴다")]
    [InlineData("ㄱ\nㄴ", "ㄱ\nㄴ")]
    public void ALineBreakBetweenChineseCharactersIsNotShownAsASpace(string markdown, string paragraph)
    {
        Assert.Contains($"<p>{paragraph}</p>", RenderHtml(markdown));
    }

    [Fact]
    public void ALessonWithoutFrontMatterIsRefused()
    {
        Assert.Throws<FormatException>(() => LessonRenderer.Render("# No front matter", "Show answer"));
    }

    private static string RenderHtml(string body) =>
        string.Concat(LessonRenderer.Render(FrontMatter + body + "\n", "Show answer").Text.Blocks.OfType<ProseBlock>().Select(b => b.Html));
}
