namespace ConcurrencyLab.Engine.Runtime;

/// <summary>No demo has the requested id.</summary>
public sealed class UnknownDemoException(string id) : KeyNotFoundException($"There is no demo called '{id}'.")
{
    /// <summary>The id that was asked for.</summary>
    public string Id { get; } = id;

    /// <summary>The message in both languages.</summary>
    public LocalizedText Reason { get; } = new($"There is no demo called '{id}'.", $"没有名为 '{id}' 的演示。");
}
