using System.Text.RegularExpressions;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Portal.Lessons;
using ConcurrencyLab.Portal.Localization;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>The course as a whole: every lesson complete in both languages, every demo real, one chain.</summary>
public partial class CurriculumTests(PortalApplication portal) : IClassFixture<PortalApplication>
{
    private LessonCatalog Lessons => portal.Services.GetRequiredService<LessonCatalog>();

    [Fact]
    public void EveryLessonLoadsWithoutProblemsAndItsDemosExist()
    {
        var demos = portal.Services.GetRequiredService<DemoCatalog>();

        Assert.NotEmpty(Lessons.All);
        foreach (var lesson in Lessons.All)
        {
            Assert.Empty(lesson.Problems);
            Assert.All(lesson.Demos, id => Assert.True(demos.Find(id) is not null, $"{lesson.Slug} declares unknown demo '{id}'"));
            foreach (var language in Language.Supported)
            {
                var text = lesson.In(language);
                Assert.False(string.IsNullOrWhiteSpace(text.Title), $"{lesson.Slug}/{language} has no title");
                Assert.False(string.IsNullOrWhiteSpace(text.Summary), $"{lesson.Slug}/{language} has no summary");
                var embedded = text.Blocks.OfType<DemoBlock>().Select(b => b.DemoId).ToHashSet();
                Assert.True(lesson.Demos.All(embedded.Contains), $"{lesson.Slug}/{language} does not embed every demo it declares");
            }
        }
    }

    [Fact]
    public void LessonOrdersAreDistinctAndSeeAlsoNamesRealLessons()
    {
        Assert.Equal(Lessons.All.Count, Lessons.All.Select(l => l.Order).Distinct().Count());
        var slugs = Lessons.All.Select(l => l.Slug).ToHashSet();
        Assert.All(Lessons.All.SelectMany(l => l.SeeAlso), slug => Assert.Contains(slug, slugs));
    }

    [Fact]
    public async Task EveryLessonRendersInBothLanguagesWithItsLinksWorkingAndOneChainOfPreviousAndNext()
    {
        using var client = portal.CreatePlainClient();
        string? expectedPrevious = null;
        for (var i = 0; i < Lessons.All.Count; i++)
        {
            var lesson = Lessons.All[i];
            foreach (var language in Language.Supported)
            {
                var html = await client.GetStringAsync($"/lessons/{lesson.Slug}?lang={language}");
                Assert.Equal(expectedPrevious, Rel(html, "prev"));
                Assert.Equal(i + 1 < Lessons.All.Count ? $"/lessons/{Lessons.All[i + 1].Slug}" : null, Rel(html, "next"));
                Assert.DoesNotContain("demo-missing", html);
                foreach (var link in InternalLinks().Matches(html).Select(m => m.Groups[1].Value).Distinct())
                {
                    using var response = await client.GetAsync(link);
                    Assert.True(response.IsSuccessStatusCode, $"{lesson.Slug}/{language} links to {link}, which answers {(int)response.StatusCode}");
                }

                if (language == Language.Chinese)
                {
                    Assert.DoesNotContain(">Run<", html);
                    Assert.DoesNotContain("Show answer", html);
                }
            }

            expectedPrevious = $"/lessons/{lesson.Slug}";
        }
    }

    private static string? Rel(string html, string rel) =>
        Regex.Match(html, $"rel=\"{rel}\" href=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("href=\"(/(?:lessons|demos)/[^\"#?]*)")]
    private static partial Regex InternalLinks();
}
