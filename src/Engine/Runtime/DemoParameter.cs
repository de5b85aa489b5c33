namespace ConcurrencyLab.Engine.Runtime;

/// <summary>
/// A parameter a learner may change: a whole number within a declared range, or one of a few named
/// choices (then its value is the index of the choice, and <see cref="Min"/>..<see cref="Max"/> span them).
/// </summary>
/// <param name="Name">Key used in lessons (<c>threads=4</c>, <c>mode=lock</c>) and requests.</param>
/// <param name="Label">What the parameter bar shows.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">Value when none is given.</param>
/// <param name="Unit">Unit shown after the value ("ms"), if any.</param>
public sealed record DemoParameter(string Name, LocalizedText Label, int Min, int Max, int Default, string? Unit = null)
{
    /// <summary>The named options of a choice parameter; null for a number.</summary>
    public IReadOnlyList<DemoChoice>? Choices { get; init; }

    /// <summary>A choice parameter; its default is the first choice unless named.</summary>
    public static DemoParameter Choice(string name, LocalizedText label, IReadOnlyList<DemoChoice> choices, string? defaultValue = null) =>
        new(name, label, 0, choices.Count - 1, defaultValue is null ? 0 : IndexOf(choices, defaultValue)) { Choices = choices };

    /// <summary>Parses and range-checks a raw value (for a choice: its name or index); returns an error message or null.</summary>
    public LocalizedText? TryParse(string raw, out int value)
    {
        if (Choices is not null && IndexOf(Choices, raw) is var index and >= 0)
        {
            value = index;
            return null;
        }

        if (Choices is not null && !int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = 0;
            return new LocalizedText(
                $"{NamedEn} must be one of {string.Join(", ", Choices.Select(c => c.Value))}; got '{Truncate(raw)}'.",
                $"{NamedZh}只能是 {string.Join("、", Choices.Select(c => c.Value))} 之一，收到的是 '{Truncate(raw)}'。");
        }

        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return new LocalizedText(
                $"{NamedEn} must be a whole number; got '{Truncate(raw)}'.",
                $"{NamedZh}必须是整数，收到的是 '{Truncate(raw)}'。");
        }

        return value < Min || value > Max
            ? new LocalizedText($"{NamedEn} must be between {Min} and {Max}; got {value}.", $"{NamedZh}必须在 {Min} 到 {Max} 之间，收到的是 {value}。")
            : null;
    }

    /// <summary>The parameter as a message names it: its label, as the learner sees it, then its key.</summary>
    private string NamedEn => $"{Label.En} ({Name})";

    /// <inheritdoc cref="NamedEn"/>
    private string NamedZh => $"“{Label.Zh}”（{Name}）";

    private static string Truncate(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";

    private static int IndexOf(IReadOnlyList<DemoChoice> choices, string value)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Value == value)
            {
                return i;
            }
        }

        return -1;
    }
}
