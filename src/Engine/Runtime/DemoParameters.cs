namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Validated parameter values of one run: every declared parameter, each within its range.</summary>
public sealed class DemoParameters
{
    private readonly Dictionary<string, int> _values;
    private readonly IReadOnlyList<DemoParameter> _declared;

    private DemoParameters(Dictionary<string, int> values, IReadOnlyList<DemoParameter> declared)
    {
        _values = values;
        _declared = declared;
    }

    /// <summary>The values by parameter name.</summary>
    public IReadOnlyDictionary<string, int> Values => _values;

    /// <summary>The value of a declared parameter.</summary>
    public int this[string name] => _values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The demo declares no parameter '{name}'.");

    /// <summary>The chosen value's name of a choice parameter (<c>"lock"</c>).</summary>
    public string Choice(string name) =>
        _declared.First(p => p.Name == name).Choices?[this[name]].Value ?? throw new InvalidOperationException($"'{name}' is not a choice parameter.");

    /// <summary>The values as a learner would type them, in declared order: numbers, and choices by name ("lock").</summary>
    public IReadOnlyDictionary<string, string> AsText() => _declared.ToDictionary(
        p => p.Name,
        p => p.Choices?[this[p.Name]].Value ?? this[p.Name].ToString(System.Globalization.CultureInfo.InvariantCulture),
        StringComparer.Ordinal);

    /// <summary>
    /// Checks raw values against the declared parameters: unknown names, non-numbers and values out of
    /// range are all reported together; missing ones take their defaults.
    /// </summary>
    /// <exception cref="DemoParameterException">When any value is refused.</exception>
    public static DemoParameters Bind(IReadOnlyList<DemoParameter> declared, IReadOnlyDictionary<string, string>? raw)
    {
        var values = declared.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        var errors = new List<LocalizedText>();
        foreach (var (name, text) in raw ?? new Dictionary<string, string>())
        {
            var parameter = declared.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                var known = string.Join(", ", declared.Select(p => p.Name));
                errors.Add(new LocalizedText($"Unknown parameter '{name}'. Known: {known}.", $"没有名为 '{name}' 的参数。可用的参数：{known}。"));
            }
            else if (parameter.TryParse(text, out var value) is { } error)
            {
                errors.Add(error);
            }
            else
            {
                values[name] = value;
            }
        }

        return errors.Count > 0 ? throw new DemoParameterException(errors) : new DemoParameters(values, declared);
    }
}
