namespace ConcurrencyLab.Engine.Runtime;

/// <summary>A whole-number parameter a learner may change, within a declared range.</summary>
/// <param name="Name">Key used in lessons (<c>threads=4</c>) and requests.</param>
/// <param name="Label">What the parameter bar shows.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">Value when none is given.</param>
/// <param name="Unit">Unit shown after the value ("ms"), if any.</param>
public sealed record DemoParameter(string Name, LocalizedText Label, int Min, int Max, int Default, string? Unit = null)
{
    /// <summary>Parses and range-checks a raw value; returns an error message or null.</summary>
    public string? TryParse(string raw, out int value)
    {
        if (!int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return $"'{Name}' must be a whole number; got '{Truncate(raw)}'.";
        }

        return value < Min || value > Max ? $"'{Name}' must be between {Min} and {Max}; got {value}." : null;
    }

    private static string Truncate(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";
}
