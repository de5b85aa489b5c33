using System.Security.Cryptography;

namespace ConcurrencyLab.Portal.Visitors;

/// <summary>
/// Anonymous identity: each browser gets a random visitor id in a cookie on its first visit, and its runs
/// are stored under that id ("My runs"). The id is 128 random bits; holding it is what being the visitor means.
/// </summary>
public static class VisitorExtensions
{
    public const string CookieName = "cl_visitor";
    private const int IdLength = 32;
    private static readonly object ItemKey = new();

    /// <summary>Gives every request a visitor id, setting the cookie when the browser has none.</summary>
    public static IApplicationBuilder UseVisitors(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var id = context.Request.Cookies[CookieName];
        if (id is null || id.Length != IdLength || !id.All(char.IsAsciiHexDigitLower))
        {
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        context.Items[ItemKey] = id;
        return next(context);
    });

    /// <summary>The visitor id of this request (set by <see cref="UseVisitors"/>).</summary>
    public static string VisitorId(this HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("UseVisitors() must run before this.");
}
