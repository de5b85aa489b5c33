namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Parameters were refused; nothing was started.</summary>
public sealed class DemoParameterException(IReadOnlyList<LocalizedText> errors)
    : ArgumentException(string.Join(" ", errors.Select(e => e.En)))
{
    /// <summary>One message per refused value.</summary>
    public IReadOnlyList<LocalizedText> Errors { get; } = errors;

    /// <summary>Every message, in <paramref name="language"/>.</summary>
    public string In(string language) => string.Join(" ", Errors.Select(e => e.In(language)));
}
