namespace ConcurrencyLab.Engine.Runtime;

/// <summary>Parameters were refused; nothing was started.</summary>
public sealed class DemoParameterException(IReadOnlyList<string> errors)
    : ArgumentException(string.Join(" ", errors))
{
    /// <summary>One message per refused value.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
