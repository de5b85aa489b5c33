using ConcurrencyLab.Portal.Components;
using ConcurrencyLab.Portal.Data;
using ConcurrencyLab.Portal.Lessons;
using ConcurrencyLab.Portal.Localization;
using ConcurrencyLab.Portal.Runs;
using ConcurrencyLab.Portal.Visitors;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets(); // `dotnet run` serves wwwroot from the build output; a no-op once published

builder.Services.AddLanguages();
builder.Services.AddLessons();
builder.Services.AddPortalData();
builder.Services.AddRuns();
builder.Services.AddRazorComponents();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.RecoverInterruptedRunsAsync();

app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}", createScopeForStatusCodePages: true);
app.UseLanguages();
app.UseVisitors();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapLanguageSwitch();
app.MapRuns();

app.Run();

/// <summary>The portal; public so tests can host it.</summary>
public partial class Program;
