using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The floor of a live log with many readers: a bare chunked store (one <see cref="Lock"/> and one store per
/// event, the count published on a cache line of its own) whose readers are plain cursors, all stepped by one
/// plain thread that looks at the count at most every 100 µs, as the log's pump does while events stream, and hands each reader
/// zero-copy segments of up to 256 events. No tasks, no waking, no bookkeeping: the least that readers who
/// follow a writer live must do, and so what following it must cost the writer at least.
/// </summary>
internal sealed class BareStream(int capacity)
{
    private const int Shift = 12;
    private const int Mask = (1 << Shift) - 1;
    private static readonly long LookInterval = Stopwatch.Frequency / 10_000;

    private readonly RunEvent[]?[] _chunks = new RunEvent[]?[(capacity >> Shift) + 1];
    private readonly Lock _gate = new();
    private Published _published;

    public void Append(RunEvent e)
    {
        lock (_gate)
        {
            var count = _published.Count;
            (_chunks[count >> Shift] ??= new RunEvent[1 << Shift])[count & Mask] = e;
            Volatile.Write(ref _published.Count, count + 1);
        }
    }

    public void Complete() => Volatile.Write(ref _published.Done, true);

    /// <summary>Starts the readers' thread; it returns what they received once every reader has the whole stream.</summary>
    public Task<(long Events, long Batches, long DoneAt)> StartReaders(int readers, int batchSize)
    {
        var result = new TaskCompletionSource<(long, long, long)>();
        new Thread(() => result.SetResult(Follow(readers, batchSize))) { Name = "bare readers" }.Start();
        return result.Task;
    }

    private (long Events, long Batches, long DoneAt) Follow(int readers, int batchSize)
    {
        var cursors = new int[readers];
        var (events, batches, lastLook) = (0L, 0L, 0L);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            while (now - lastLook < LookInterval)
            {
                Thread.SpinWait(16);
                now = Stopwatch.GetTimestamp();
            }

            lastLook = now;
            var done = Volatile.Read(ref _published.Done);
            var known = Volatile.Read(ref _published.Count);
            for (var r = 0; r < readers; r++)
            {
                for (var cursor = cursors[r]; cursor < known; cursor = cursors[r])
                {
                    var end = Math.Min(Math.Min(known, cursor + batchSize), ((cursor >> Shift) + 1) << Shift);
                    events += Receive(new ArraySegment<RunEvent>(_chunks[cursor >> Shift]!, cursor & Mask, end - cursor));
                    batches++;
                    cursors[r] = end;
                }
            }

            if (done)
            {
                return (events, batches, Stopwatch.GetTimestamp());
            }
        }
    }

    /// <summary>A reader's whole handling of a batch: kept out of line so the segment is really made.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Receive(ArraySegment<RunEvent> batch) => batch.Count;

    /// <summary>The writer's count and end flag, padded away from everything else.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Published
    {
        [FieldOffset(64)]
        public int Count;

        [FieldOffset(68)]
        public bool Done;
    }
}
