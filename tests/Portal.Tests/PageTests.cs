using System.Net;
using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Testing;

namespace ConcurrencyLab.Portal.Tests;

public class PageTests(PortalApplication portal) : IClassFixture<PortalApplication>
{
    [Theory]
    [InlineData("en", "Threads", "Processes, threads and coroutines")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "线程", "进程、线程与协程")]
    public async Task HomeListsTheThreadsLessonInTheBrowsersLanguage(string acceptLanguage, string title, string tagline)
    {
        using var client = portal.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var html = await client.GetStringAsync("/");

        Assert.Contains($"<span class=\"course-title\">{title}</span>", html);
        Assert.Contains(tagline, html);
        Assert.Contains("href=\"/lessons/threads\"", html);
    }

    [Fact]
    public async Task TheLanguageCookieWinsOverAcceptLanguage()
    {
        using var client = portal.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        client.DefaultRequestHeaders.Add("Cookie", "lang=zh");

        var html = await client.GetStringAsync("/lessons/threads");

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<h1>线程</h1>", html);
    }

    [Fact]
    public async Task TheLanguageSwitchRemembersTheChoiceAndReturnsToThePage()
    {
        using var client = portal.CreatePlainClient();

        using var response = await client.GetAsync("/lang/zh?returnUrl=%2Flessons%2Fthreads");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lessons/threads", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lang=zh"));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task TheLanguageSwitchNeverRedirectsOffSite(string returnUrl)
    {
        using var client = portal.CreatePlainClient();

        using var response = await client.GetAsync("/lang/en?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AllDemosListsEveryDemoOnceInCourseOrderUnderItsLesson()
    {
        using var client = portal.CreatePlainClient();

        var html = await client.GetStringAsync("/demos?lang=en");

        var links = Regex.Matches(html, "href=\"/demos/([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DemoCatalog.CreateDefault().All.Select(d => d.Id).Order(), links.Order());
        Assert.Equal(["abc-modes"], DemosUnder("Lesson 1 · Serial, concurrent, parallel", html));
        Assert.Equal(["spawn-threads", "creation-cost", "background-threads"], DemosUnder("Lesson 7 · Threads", html));
        Assert.Equal(["race-counter"], DemosUnder("Lesson 8 · Race conditions and locks", html));
    }

    /// <summary>The demos linked between the group heading <paramref name="heading"/> and the next one.</summary>
    private static List<string> DemosUnder(string heading, string html)
    {
        var start = html.IndexOf($">{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no heading '{heading}'");
        var end = html.IndexOf("<h2", start, StringComparison.Ordinal);
        var group = html[start..(end < 0 ? html.Length : end)];
        return Regex.Matches(group, "href=\"/demos/([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task TheThreadsLessonRendersItsDemoWidgetTocAndCode()
    {
        using var client = portal.CreatePlainClient();

        var html = await client.GetStringAsync("/lessons/threads?lang=en");

        Assert.Contains("<section class=\"demo\" data-demo=\"spawn-threads\"", html);
        Assert.Contains("<input type=\"range\" name=\"threads\" min=\"1\" max=\"16\"", html);
        Assert.Contains("data-run", html);
        Assert.Contains("<canvas", html);
        Assert.Contains("class=\"toc\"", html);
        Assert.Contains("<code class=\"language-csharp\">", html);
        Assert.Contains("<details class=\"answer\"><summary>Show answer</summary>", html);
    }

    [Theory]
    [InlineData("/lessons/../etc/passwd")]
    [InlineData("/lessons/..%2f..%2fetc%2fpasswd")]
    [InlineData("/lessons/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/lessons/..%5c..%5cappsettings.json")]
    [InlineData("/lessons/no-such-lesson")]
    [InlineData("/lessons/Threads")]
    [InlineData("/lessons/threads?lang=fr")]
    [InlineData("/lang/fr")]
    [InlineData("/no/such/page")]
    public async Task UnknownLessonsLanguagesAndTraversalGetAFriendly404(string rawPath)
    {
        var (status, body) = await RawHttp.GetAsync(portal.Address, rawPath);

        Assert.Equal(404, status);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("Exception", body);
        if (!rawPath.StartsWith("/lang/"))
        {
            Assert.Contains("Page not found", body);
        }
    }

    [Theory]
    [InlineData("/lessons/no-such-lesson?lang=zh", "<html lang=\"zh-CN\"", "这个地址没有对应的课程。")]
    [InlineData("/runs/0123456789abcdef?lang=zh", "<html lang=\"zh-CN\"", "这个地址没有对应的运行记录。")]
    [InlineData("/demos/no-such-demo", "<html lang=\"en\"", "There is no demo at this address.")]
    [InlineData("/no/such/page?lang=zh", "<html lang=\"zh-CN\"", "这个地址没有对应的页面")]
    [InlineData("/Lessons/No-Such-Lesson", "<html lang=\"en\"", "There is no lesson at this address.")]
    [InlineData("/lessons/threads?lang=fr", "<html lang=\"en\"", "English and 简体中文 only")]
    public async Task A404SaysWhatIsMissingInTheLanguageTheLinkAskedFor(string rawPath, string html, string explanation)
    {
        var (status, body) = await RawHttp.GetAsync(portal.Address, rawPath);

        Assert.Equal(404, status);
        Assert.Contains(html, body);
        Assert.Contains(explanation, body);
    }

    [Fact]
    public async Task EveryScriptAndStylesheetThePageLoadsIsServedLocally()
    {
        using var client = portal.CreatePlainClient();
        var html = await client.GetStringAsync("/lessons/threads");

        var assets = Regex.Matches(html, "(?:src|href)=\"([^\"]+\\.(?:js|css|svg))\"")
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Contains(assets, a => a.EndsWith(".js"));
        Assert.Contains(assets, a => a.EndsWith(".css"));
        foreach (var asset in assets)
        {
            Assert.DoesNotContain("//", asset);
            using var response = await client.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
        }
    }
}
