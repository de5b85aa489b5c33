namespace ConcurrencyLab.Engine.Events;

/// <summary>Where a line of output was written.</summary>
public enum OutputStream
{
    /// <summary>Standard output.</summary>
    Stdout,

    /// <summary>Standard error.</summary>
    Stderr,
}
