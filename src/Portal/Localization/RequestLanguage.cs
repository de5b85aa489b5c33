using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace ConcurrencyLab.Portal.Localization;

/// <summary>The language of the current request: the <c>lang</c> query, then the cookie, then Accept-Language.</summary>
public sealed class RequestLanguage
{
    /// <summary>"en" or "zh".</summary>
    public string Code { get; private set; } = Language.English;

    /// <summary>True when the request named a language the portal does not have.</summary>
    public bool Unknown { get; private set; }

    /// <summary>True for Chinese.</summary>
    public bool IsChinese => Code == Language.Chinese;

    /// <summary>The language of <paramref name="request"/>.</summary>
    public void Resolve(HttpRequest request)
    {
        if (QueryOf(request).TryGetValue("lang", out var asked))
        {
            Unknown = !Language.IsSupported(asked);
            Code = Unknown ? Language.English : asked.ToString();
        }
        else if (Language.IsSupported(request.Cookies[Language.CookieName]))
        {
            Code = request.Cookies[Language.CookieName]!;
        }
        else
        {
            Code = Language.FromAcceptLanguage(request.Headers.AcceptLanguage);
        }
    }

    /// <summary>The request's query; for an error page, the query of the request that failed (?lang=zh).</summary>
    private static IQueryCollection QueryOf(HttpRequest request) =>
        request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalQueryString: { } original }
            ? new QueryCollection(QueryHelpers.ParseQuery(original))
            : request.Query;
}
