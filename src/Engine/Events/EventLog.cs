using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Engine.Events;

/// <summary>
/// A run's append-only event log. Writers append under a short lock; readers never take it while
/// copying: they read the published count and the immutable slots below it, each from its own cursor,
/// so a slow reader cannot hold up the demo or any other reader. Memory is bounded by the capacity.
/// </summary>
public sealed class EventLog
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;

    /// <summary>Slots kept back for the run's own status events once demo events hit the cap.</summary>
    private const int Reserve = 16;

    private readonly RunEvent[]?[] _chunks;
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private int _count;
    private bool _completed;
    private TaskCompletionSource? _changed;

    /// <summary>Creates a log that accepts up to <paramref name="capacity"/> demo events.</summary>
    public EventLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _chunks = new RunEvent[]?[((capacity + Reserve) >> ChunkShift) + 1];
    }

    /// <summary>Number of events published so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True once <see cref="Complete"/> was called: no event will follow.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed);

    /// <summary>The event with sequence number <paramref name="seq"/>.</summary>
    public RunEvent this[int seq]
    {
        get
        {
            if ((uint)seq >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(seq));
            }

            return _chunks[seq >> ChunkShift]![seq & (ChunkSize - 1)];
        }
    }

    /// <summary>Appends a demo event; false when the log is full or completed.</summary>
    public bool TryAppend(RunEvent e) => Append(e, _capacity);

    /// <summary>Appends a run status event, which may use the slots kept back past the cap.</summary>
    public bool AppendStatus(RunStatusEvent e) => Append(e, _capacity + Reserve);

    /// <summary>Marks the end of the log and wakes every reader.</summary>
    public void Complete()
    {
        TaskCompletionSource? changed;
        lock (_gate)
        {
            Volatile.Write(ref _completed, true);
            changed = _changed;
            _changed = null;
        }

        Wake(changed);
    }

    /// <summary>Copies events [<paramref name="from"/>, <paramref name="to"/>) out of the log.</summary>
    public RunEvent[] Slice(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Count);
        var result = new RunEvent[Math.Max(0, to - from)];
        for (var i = 0; i < result.Length; i++)
        {
            var seq = from + i;
            result[i] = _chunks[seq >> ChunkShift]![seq & (ChunkSize - 1)];
        }

        return result;
    }

    /// <summary>
    /// Streams the log from <paramref name="from"/> until it completes. Events are grouped: a batch is sent
    /// when <paramref name="maxBatch"/> events are ready or <paramref name="flushDelay"/> has passed since the
    /// first of them arrived. Batches are views of the log's own storage (published slots never change),
    /// so a hundred readers cost no copies.
    /// </summary>
    public async IAsyncEnumerable<EventBatch> ReadAsync(
        long from, int maxBatch, TimeSpan flushDelay, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        var cursor = (int)Math.Min(from, int.MaxValue);
        while (true)
        {
            var available = Count;
            if (available > cursor)
            {
                if (available - cursor < maxBatch && !IsCompleted && flushDelay > TimeSpan.Zero)
                {
                    await Task.Delay(flushDelay, cancellationToken).ConfigureAwait(false);
                    available = Count;
                }

                var chunkEnd = ((cursor >> ChunkShift) + 1) << ChunkShift;
                var end = Math.Min(Math.Min(available, cursor + maxBatch), chunkEnd);
                yield return new EventBatch(cursor, new ArraySegment<RunEvent>(_chunks[cursor >> ChunkShift]!, cursor & (ChunkSize - 1), end - cursor));
                cursor = end;
                continue;
            }

            if (IsCompleted && cursor >= Count)
            {
                yield break;
            }

            await WaitForMoreAsync(cursor).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the log holds more than <paramref name="seen"/> events or is completed.</summary>
    public Task WaitForMoreAsync(int seen)
    {
        lock (_gate)
        {
            if (_count > seen || _completed)
            {
                return Task.CompletedTask;
            }

            _changed ??= new TaskCompletionSource();
            return _changed.Task;
        }
    }

    /// <summary>
    /// Wakes the waiting readers from one thread-pool work item: the writer (a demo's thread) pays one
    /// enqueue, not one per reader, and never runs a reader's code itself.
    /// </summary>
    private static void Wake(TaskCompletionSource? changed)
    {
        if (changed is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static c => c.TrySetResult(), changed, preferLocal: false);
        }
    }

    private bool Append(RunEvent e, int limit)
    {
        TaskCompletionSource? changed;
        lock (_gate)
        {
            if (_completed || _count >= limit)
            {
                return false;
            }

            var chunk = _chunks[_count >> ChunkShift] ??= new RunEvent[ChunkSize];
            chunk[_count & (ChunkSize - 1)] = e;
            Volatile.Write(ref _count, _count + 1);
            changed = _changed;
            _changed = null;
        }

        Wake(changed);
        return true;
    }
}
