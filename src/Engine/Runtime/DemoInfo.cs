namespace ConcurrencyLab.Engine.Runtime;

/// <summary>What the catalogue knows of a demo before it runs.</summary>
/// <param name="Id">Stable id used in lessons and URLs (<c>spawn-threads</c>).</param>
/// <param name="Title">One-line title.</param>
/// <param name="LookFor">What to look for on the timeline, shown while the demo is idle.</param>
/// <param name="Parameters">What a learner may change.</param>
public sealed record DemoInfo(string Id, LocalizedText Title, LocalizedText LookFor, IReadOnlyList<DemoParameter> Parameters);
