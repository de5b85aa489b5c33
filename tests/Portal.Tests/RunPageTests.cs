using System.Net;
using System.Text.RegularExpressions;
using ConcurrencyLab.Portal.Data;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Portal.Tests;

/// <summary>My runs, a run's page and the comparison, as visitors see them; and the database's way there.</summary>
public class RunPageTests(PortalApplication portal) : IClassFixture<PortalApplication>
{
    [Fact]
    public async Task EachVisitorListsOnlyTheirOwnRuns()
    {
        var alice = await VisitorCookieAsync();
        var bob = await VisitorCookieAsync();
        var aliceRun = await RunToEndAsync(alice, "race-counter", new { threads = 2, increments = 10000, mode = "lock" });
        var bobRun = await RunToEndAsync(bob, "spawn-threads", new { threads = 1, lines = 1, pause = 0 });

        var alicePage = await GetAsync("/runs", alice);
        var bobPage = await GetAsync("/runs", bob);

        Assert.Contains($"href=\"/runs/{aliceRun}\"", alicePage);
        Assert.DoesNotContain($"href=\"/runs/{bobRun}\"", alicePage);
        Assert.Contains($"href=\"/runs/{bobRun}\"", bobPage);
        Assert.DoesNotContain($"href=\"/runs/{aliceRun}\"", bobPage);
        Assert.Contains("mode=lock", alicePage);
    }

    [Fact]
    public async Task HomeMarksTheLessonsWhoseDemosTheVisitorHasRun()
    {
        var visitor = await VisitorCookieAsync();
        await RunToEndAsync(visitor, "race-counter", new { threads = 2, increments = 10000, mode = "lock" });

        var mine = await GetAsync("/", visitor);
        var someoneElses = await GetAsync("/", await VisitorCookieAsync());

        var marked = Regex.Matches(mine, "href=\"/lessons/([a-z0-9-]+)\">(?:(?!</a>).)*course-done", RegexOptions.Singleline).Select(m => m.Groups[1].Value);
        Assert.Equal(["race-conditions-and-locks"], marked);
        Assert.DoesNotContain("course-done", someoneElses);
    }

    [Fact]
    public async Task MyRunsFiltersByLessonDemoAndStatus()
    {
        var visitor = await VisitorCookieAsync();
        var race = await RunToEndAsync(visitor, "race-counter", new { threads = 2, increments = 10000, mode = "none" });
        var spawn = await RunToEndAsync(visitor, "spawn-threads", new { threads = 1, lines = 1, pause = 0 });

        var byLesson = await GetAsync("/runs?lesson=race-conditions-and-locks", visitor);
        var byDemo = await GetAsync("/runs?demo=spawn-threads", visitor);
        var byStatus = await GetAsync("/runs?status=cancelled", visitor);

        Assert.Contains(race, byLesson);
        Assert.DoesNotContain(spawn, byLesson);
        Assert.Contains(spawn, byDemo);
        Assert.DoesNotContain(race, byDemo);
        Assert.DoesNotContain(race, byStatus);
        Assert.DoesNotContain(spawn, byStatus);
    }

    [Fact]
    public async Task ARunPageShowsParametersFiguresAShareLinkAndRunAgain()
    {
        var visitor = await VisitorCookieAsync();
        var id = await RunToEndAsync(visitor, "race-counter", new { threads = 2, increments = 10000, mode = "interlocked" });

        // A share link works for anyone: no cookie at all.
        var html = await GetAsync($"/runs/{id}", cookie: null);

        Assert.Contains("data-status=\"completed\"", html);
        Assert.Contains("mode=interlocked", html);
        Assert.Contains($"/runs/{id}\" data-share-url", html);
        Assert.Contains("Final n", html);
        Assert.Contains("20,000", html);
        var again = Regex.Match(html, "href=\"(/demos/race-counter\\?[^\"]+)\"").Groups[1].Value;
        Assert.Contains("mode=interlocked", again);
        var demoPage = await GetAsync(WebUtility.HtmlDecode(again), cookie: null);
        Assert.Matches("<option value=\"interlocked\" selected", demoPage);
        Assert.Matches("name=\"threads\" min=\"\\d+\" max=\"\\d+\" value=\"2\"", demoPage);
    }

    [Fact]
    public async Task ARunOpenedTheMomentItEndsShowsItEndedThoughTheDatabaseIsBehind()
    {
        // The recorder writes every 2 s here: when the run ends, the database still says "queued".
        await using var slow = PortalApplication.With(new() { ["Runs:RecordInterval"] = "00:00:02" });
        await using var hub = await RawHubClient.ConnectAsync(slow.Address);
        var id = await hub.StartRunAsync("race-counter", new { threads = 2, increments = 10000, mode = "lock" });
        await hub.WatchToEndAsync(id);
        using var client = slow.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var page = await client.GetStringAsync($"/runs/{id}");

        Assert.Equal("queued", (await slow.Services.GetRequiredService<RunArchive>().FindAsync(id))!.Status);
        Assert.Contains("data-status=\"completed\"", page);
        Assert.Contains("20,000", page);
        Assert.DoesNotContain("data-status=\"queued\"", page);
    }

    [Theory]
    [InlineData("/runs/0123456789abcdef")]
    [InlineData("/runs/not-a-run-id-and-far-too-long-to-be-one-at-all")]
    [InlineData("/compare?run=0123456789abcdef&run=fedcba9876543210")]
    public async Task UnknownRunsAnswerAFriendly404(string path)
    {
        using var client = portal.CreatePlainClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("class=\"not-found\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CompareAsksForExactlyTwoRunsAndShowsBothSummariesSideBySide()
    {
        var visitor = await VisitorCookieAsync();
        var none = await RunToEndAsync(visitor, "race-counter", new { threads = 2, increments = 10000, mode = "none" });
        var locked = await RunToEndAsync(visitor, "race-counter", new { threads = 2, increments = 10000, mode = "lock" });

        var one = await GetAsync($"/compare?run={none}", visitor);
        var two = await GetAsync($"/compare?run={none}&run={locked}", visitor);

        Assert.Contains("Pick exactly two runs", one);
        Assert.Contains($"data-run-id=\"{none}\"", two);
        Assert.Contains($"data-run-id=\"{locked}\"", two);
        Assert.Equal(2, Regex.Matches(two, "<td data-figure=\"Final n\">").Count);
        Assert.Contains("<td data-figure=\"Final n\">20,000</td>", two);
    }

    [Fact]
    public async Task TheDatabaseIsBuiltFromAnEmptyFileAndUpgradedFromTheFirstVersionKeepingItsRuns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concurrency-lab-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
            await using (var db = new PortalDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261122050000_InitialCreate");
                // Braces doubled: EF reads the text as a format string.
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Runs" ("Id", "DemoId", "ParametersJson", "Status", "CreatedUtc", "DurationMicros", "EventCount", "EventsJson")
                    VALUES ('00000000000000aa', 'spawn-threads', '{{"threads":1}}', 'completed', '2026-11-22 05:00:00', 1500, 2,
                            '[{{"k":"run","t":0,"status":"started"}},{{"k":"run","t":1500,"status":"completed"}}]');
                    """);
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            using var databases = new SingleDatabase(options);
            var archive = new RunArchive(databases);
            var run = await archive.FindAsync("00000000000000aa");
            var events = await archive.LoadEventsAsync("00000000000000aa");
            Assert.Equal("completed", run!.Status);
            Assert.Equal(2, events!.Count);
            Assert.Equal(1500, events[^1].T);
            Assert.Equal("1", RunArchive.ParametersOf(run)["threads"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private async Task<string> VisitorCookieAsync()
    {
        using var client = portal.CreatePlainClient();
        using var response = await client.GetAsync("/");
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cl_visitor=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    private async Task<string> RunToEndAsync(string cookie, string demo, object parameters)
    {
        await using var hub = await RawHubClient.ConnectAsync(portal.Address, cookie: cookie);
        var id = await hub.StartRunAsync(demo, parameters);
        await portal.WaitForEndedRunAsync(id);
        return id;
    }

    private async Task<string> GetAsync(string path, string? cookie)
    {
        using var client = portal.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return await client.GetStringAsync(path);
    }

    private sealed class SingleDatabase(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>, IDisposable
    {
        public PortalDbContext CreateDbContext() => new(options);

        public void Dispose()
        {
        }
    }
}
