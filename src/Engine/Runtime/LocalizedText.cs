namespace ConcurrencyLab.Engine.Runtime;

/// <summary>A short text in English and Simplified Chinese.</summary>
/// <param name="En">English.</param>
/// <param name="Zh">简体中文.</param>
public sealed record LocalizedText(string En, string Zh)
{
    /// <summary>The text in <paramref name="language"/> ("en" or "zh"), English otherwise.</summary>
    public string In(string language) => language == "zh" ? Zh : En;

    /// <summary>Both texts with {0}, {1}… filled in.</summary>
    public LocalizedText Format(params object[] values) => new(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, En, values),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Zh, values));
}
