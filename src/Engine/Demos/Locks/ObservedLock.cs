using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Locks;

/// <summary>
/// A real lock that draws itself on the timeline. Taking it when it is free costs nothing extra and
/// records nothing; only when another lane holds it does the taker turn
/// <see cref="LaneState.Blocked"/> (on the lock's name) until it gets in, then mark
/// <c>got &lt;name&gt;</c> linked to the lane whose release let it in. So a run with millions of
/// uncontended acquisitions stays small, and every wait you see was real.
/// </summary>
/// <remarks>
/// A re-entrant lock is a <see cref="Lock"/> (like <c>lock (obj)</c>, re-entrant in .NET, like Python's
/// <c>RLock</c>); a non-re-entrant one is a <see cref="SemaphoreSlim"/> with one slot (like Python's
/// <c>Lock</c>): its holder blocks on itself if it takes it again.
/// </remarks>
public sealed class ObservedLock : IDisposable
{
    /// <summary>How often a blocked lane looks at the run's cancellation while it waits.</summary>
    private static readonly TimeSpan CancellationPoll = TimeSpan.FromMilliseconds(50);

    private readonly Lock? _lock;
    private readonly SemaphoreSlim? _slot;
    private Lane? _holder;
    private Lane? _lastReleaser;
    private int _depth;

    /// <summary>A lock called <paramref name="name"/> on the timeline.</summary>
    /// <param name="name">Shown on blocked spans and marks (<c>lockA</c>).</param>
    /// <param name="reentrant">True: the holder may take it again (a counter tracks how often). False: it may not.</param>
    public ObservedLock(string name, bool reentrant = true)
    {
        Name = name;
        Reentrant = reentrant;
        if (reentrant)
        {
            _lock = new Lock();
        }
        else
        {
            _slot = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>The name drawn on the timeline.</summary>
    public string Name { get; }

    /// <summary>Whether the holder may take the lock again.</summary>
    public bool Reentrant { get; }

    /// <summary>The lane holding the lock now, or null when it is free.</summary>
    public Lane? Holder => Volatile.Read(ref _holder);

    /// <summary>How many times the holder has taken the lock without releasing it (an RLock's counter); 0 when free.</summary>
    public int Depth => Volatile.Read(ref _depth);

    /// <summary>
    /// Called with the holder and the new <see cref="Depth"/> after each take and each release, while the
    /// lock is still held: so reports of one holder never interleave with the next holder's.
    /// </summary>
    public Action<Lane, int>? DepthChanged { get; init; }

    /// <summary>Takes the lock, waiting as long as it takes (or until <paramref name="cancellation"/> fires).</summary>
    /// <exception cref="OperationCanceledException">When the run is stopped while waiting.</exception>
    public void Enter(Lane lane, CancellationToken cancellation = default) =>
        TryEnter(lane, Timeout.InfiniteTimeSpan, cancellation);

    /// <summary>
    /// Takes the lock, or gives up after <paramref name="timeout"/>. On giving up the lane is running
    /// again and the caller decides what the long wait meant.
    /// </summary>
    /// <returns>True when the lane now holds the lock.</returns>
    /// <exception cref="OperationCanceledException">When the run is stopped while waiting.</exception>
    public bool TryEnter(Lane lane, TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (TryTake(TimeSpan.Zero, cancellation))
        {
            Acquired(lane);
            return true;
        }

        lane.Enter(LaneState.Blocked, Name);
        if (!Wait(timeout, cancellation))
        {
            lane.Enter(LaneState.Running);
            return false;
        }

        Acquired(lane);
        lane.Enter(LaneState.Running);
        lane.Mark("got " + Name, Volatile.Read(ref _lastReleaser));
        return true;
    }

    /// <summary>Releases one hold; the lock is free once every hold is released.</summary>
    public void Exit(Lane lane)
    {
        Volatile.Write(ref _lastReleaser, lane);
        var depth = --_depth;
        DepthChanged?.Invoke(lane, depth);
        if (depth == 0)
        {
            Volatile.Write(ref _holder, null);
        }

        if (_lock is not null)
        {
            _lock.Exit();
        }
        else
        {
            _slot!.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slot?.Dispose();

    private void Acquired(Lane lane)
    {
        // Only the holder writes these, so plain increments are safe; others just read them.
        if (++_depth == 1)
        {
            Volatile.Write(ref _holder, lane);
        }

        DepthChanged?.Invoke(lane, _depth);
    }

    /// <summary>Waits in short slices so a stopped run never leaves a thread stuck on a lock.</summary>
    private bool Wait(TimeSpan timeout, CancellationToken cancellation)
    {
        var infinite = timeout == Timeout.InfiniteTimeSpan;
        var deadline = DateTime.UtcNow + (infinite ? TimeSpan.Zero : timeout);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var left = infinite ? CancellationPoll : deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            if (TryTake(left < CancellationPoll ? left : CancellationPoll, cancellation))
            {
                return true;
            }
        }
    }

    private bool TryTake(TimeSpan timeout, CancellationToken cancellation) =>
        _lock?.TryEnter(timeout) ?? _slot!.Wait(timeout, cancellation);
}
