namespace ConcurrencyLab.Engine.Runtime;

/// <summary>One option of a choice parameter (<c>mode=lock</c>).</summary>
/// <param name="Value">The name used in lessons and requests.</param>
/// <param name="Label">What the parameter bar shows.</param>
public sealed record DemoChoice(string Value, LocalizedText Label);
