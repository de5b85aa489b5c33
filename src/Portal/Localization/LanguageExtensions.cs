using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;

namespace ConcurrencyLab.Portal.Localization;

/// <summary>Wires request languages and the language switch into the app.</summary>
public static class LanguageExtensions
{
    /// <summary>Registers the per-request language; pages keep Chinese text as UTF-8 instead of &amp;#x...; escapes.</summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services.AddScoped<RequestLanguage>();
    }

    /// <summary>
    /// Resolves each request's language before anything renders; a language the portal lacks is a 404,
    /// whose page (re-executed) says which languages there are.
    /// </summary>
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var language = context.RequestServices.GetRequiredService<RequestLanguage>();
        language.Resolve(context.Request);
        if (language.Unknown && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary><c>/lang/{code}?returnUrl=/...</c> remembers the choice in a cookie and goes back to the page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext context) =>
        {
            if (!Language.IsSupported(code))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(Language.CookieName, code, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                HttpOnly = false,
            });
            var local = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\");
            return Results.LocalRedirect(local ? returnUrl! : "/");
        });
        return endpoints;
    }
}
