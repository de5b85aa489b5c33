namespace ConcurrencyLab.Engine.Runtime;

/// <summary>No demo has the requested id.</summary>
public sealed class UnknownDemoException(string id) : KeyNotFoundException($"There is no demo called '{id}'.")
{
    /// <summary>The id that was asked for.</summary>
    public string Id { get; } = id;
}
