namespace ConcurrencyLab.Engine.Runtime;

/// <summary>A demo that starts worker processes and runs part of its code inside them.</summary>
public interface IProcessDemo : IDemo
{
    /// <summary>
    /// Runs inside a worker process started with <see cref="DemoContext.StartProcess"/>: <paramref name="role"/>
    /// and <paramref name="arguments"/> are what the parent passed. The return value is the process exit code.
    /// </summary>
    Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments);
}
