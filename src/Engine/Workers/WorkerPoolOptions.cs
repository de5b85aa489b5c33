using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Engine.Workers;

/// <summary>How many warm workers a <see cref="WorkerPool"/> keeps ready.</summary>
public sealed record WorkerPoolOptions
{
    /// <summary>Idle workers kept warm; 0 turns the pool off, and every process starts cold.</summary>
    [Range(0, 64)]
    public int Size { get; init; }
}
