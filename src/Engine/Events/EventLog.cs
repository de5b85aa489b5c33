using System.Runtime.InteropServices;

namespace ConcurrencyLab.Engine.Events;

/// <summary>
/// A run's append-only event log. Writers append under a short lock; readers never take it while
/// copying: they read the published count and the immutable slots below it, each from its own cursor,
/// so a reader that falls behind cannot hold up the demo or any other reader. Memory is bounded by the capacity.
/// </summary>
/// <remarks>
/// Readers that wait are resumed by the log's pump: one thread-pool work item at a time, which resumes them one
/// after another on its own thread. Waiting readers never take the writer's lock, the writer (a demo's thread)
/// never runs a reader's code, and however many watch a run, they take at most one core from it at a time and
/// look at the writer's cache line at most once every 100 µs while events stream: watching must not change what the demo
/// measures. While events keep coming the pump keeps going; when it runs dry it arms the writer, whose next
/// append queues it again. A reader's own code runs on the pump until it next awaits, so it must not block.
/// </remarks>
public sealed partial class EventLog
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;

    /// <summary>Slots kept back for the run's own status events once demo events hit the cap.</summary>
    private const int Reserve = 16;

    private readonly RunEvent[]?[] _chunks;
    private readonly Lock _gate = new();
    private readonly int _capacity;

    /// <summary>What the writer changes on every append.</summary>
    private WriterLine _line;

    /// <summary>Where waiting readers gather.</summary>
    private ReaderLine _readers;

    private const int CacheLine = 64;

    /// <summary>Creates a log that accepts up to <paramref name="capacity"/> demo events.</summary>
    public EventLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _chunks = new RunEvent[]?[((capacity + Reserve) >> ChunkShift) + 1];
    }

    /// <summary>Number of events published so far.</summary>
    public int Count => Volatile.Read(ref _line.Count);

    /// <summary>True once <see cref="Complete"/> was called: no event will follow.</summary>
    public bool IsCompleted => Volatile.Read(ref _line.Completed);

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
        lock (_gate)
        {
            Volatile.Write(ref _line.Completed, true);
            FireIfArmed();
        }
    }

    /// <summary>Copies events [<paramref name="from"/>, <paramref name="to"/>) out of the log.</summary>
    public RunEvent[] Slice(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Count);
        var result = new RunEvent[Math.Max(0, to - from)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = this[from + i];
        }

        return result;
    }

    /// <summary>
    /// Streams the log from <paramref name="from"/> until it completes. Events are grouped: a batch is sent
    /// when <paramref name="maxBatch"/> events are ready or <paramref name="flushDelay"/> has passed since the
    /// first of them arrived. Batches are views of the log's own storage (published slots never change),
    /// so a hundred readers cost no copies.
    /// </summary>
    public IAsyncEnumerable<EventBatch> ReadAsync(long from, int maxBatch, TimeSpan flushDelay, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(flushDelay, TimeSpan.Zero);
        return new Reading(this, (int)Math.Min(from, int.MaxValue), maxBatch, flushDelay, cancellationToken);
    }

    /// <summary>The batch of events [<paramref name="from"/>, <paramref name="to"/>), cut at <paramref name="maxBatch"/> and at the end of its chunk.</summary>
    private EventBatch Batch(int from, int to, int maxBatch)
    {
        var chunkEnd = ((from >> ChunkShift) + 1) << ChunkShift;
        var end = Math.Min(Math.Min(to, from + maxBatch), chunkEnd);
        return new EventBatch(from, new ArraySegment<RunEvent>(_chunks[from >> ChunkShift]!, from & (ChunkSize - 1), end - from));
    }

    /// <summary>Completes when the log holds more than <paramref name="seen"/> events or is completed.</summary>
    public Task WaitForMoreAsync(int seen) => WaitAsync(seen);

    /// <summary>
    /// The count, the completed flag and the pump's state, padded to a cache line of their own: whoever reads
    /// them costs the writer a cache miss on its next append, and nothing else on their line should.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine)]
    private struct WriterLine
    {
        [FieldOffset(CacheLine)]
        public int Count;

        [FieldOffset(CacheLine + sizeof(int))]
        public bool Completed;

        /// <summary><see cref="Idle"/>, <see cref="Running"/> (queued or running) or <see cref="Armed"/>.</summary>
        [FieldOffset(CacheLine + (2 * sizeof(int)))]
        public int Pump;
    }

    private bool Append(RunEvent e, int limit)
    {
        lock (_gate)
        {
            if (_line.Completed || _line.Count >= limit)
            {
                return false;
            }

            var chunk = _chunks[_line.Count >> ChunkShift] ??= new RunEvent[ChunkSize];
            chunk[_line.Count & (ChunkSize - 1)] = e;
            Volatile.Write(ref _line.Count, _line.Count + 1);
            FireIfArmed();
        }

        return true;
    }
}
