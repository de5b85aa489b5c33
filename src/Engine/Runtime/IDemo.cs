namespace ConcurrencyLab.Engine.Runtime;

/// <summary>A runnable demo. It creates its lanes and emits its events through the <see cref="DemoContext"/>.</summary>
public interface IDemo
{
    /// <summary>Id, titles and parameters.</summary>
    DemoInfo Info { get; }

    /// <summary>
    /// Runs the demo on the run's main thread (lane <see cref="DemoContext.Main"/>). Waits must go through the
    /// context so that cancellation and limits can stop the demo.
    /// </summary>
    Task RunAsync(DemoContext context);
}
