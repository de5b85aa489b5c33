using Microsoft.Net.Http.Headers;

namespace ConcurrencyLab.Portal.Localization;

/// <summary>The languages of the portal and how a request picks one.</summary>
public static class Language
{
    /// <summary>English, the fallback.</summary>
    public const string English = "en";

    /// <summary>Simplified Chinese.</summary>
    public const string Chinese = "zh";

    /// <summary>Cookie that remembers the visitor's choice.</summary>
    public const string CookieName = "lang";

    /// <summary>Every supported language code.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, Chinese];

    /// <summary>True for a supported code.</summary>
    public static bool IsSupported(string? code) => code is English or Chinese;

    /// <summary>The best supported language for an Accept-Language header, by quality.</summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrEmpty(header) || !StringWithQualityHeaderValue.TryParseList([header], out var values))
        {
            return English;
        }

        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return English;
    }
}
