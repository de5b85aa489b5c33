namespace ConcurrencyLab.Portal.Lessons;

/// <summary>A <c>```demo id key=value</c> fence: the demo to embed and the parameter values the lesson chose.</summary>
public sealed record DemoBlock(string DemoId, IReadOnlyDictionary<string, string> Parameters) : LessonBlock;
