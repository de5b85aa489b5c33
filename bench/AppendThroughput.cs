using System.Diagnostics;
using ConcurrencyLab.Engine.Events;
using EventLog = ConcurrencyLab.Engine.Events.EventLog; // not System.Diagnostics.EventLog, which the portal's framework brings

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 2: events per second appended into an <see cref="EventLog"/> by 1 and by 16 writer threads, next to
/// the bare cost of the same pattern (take a lock, store a reference in an array) without the log around it.
/// </summary>
internal static class AppendThroughput
{
    public const int Capacity = 2_000_000;
    private const int Rounds = 5;
    private const double Target = 1_000_000;

    public static Section Measure()
    {
        var made = MakeEvents(Capacity);
        var table = new Table("Writers", "Events", "Events made", "EventLog median", "EventLog best", "Bare lock + store", "Log / bare", "Target");
        var targets = new List<TargetCheck>();
        foreach (var writers in new[] { 1, 16 })
        {
            foreach (var allocate in new[] { false, true })
            {
                var (log, bare) = Compare(writers, made, allocate);
                var target = "";
                if (writers == 1)
                {
                    var met = log.Median >= Target;
                    target = $"≥ {Format.Rate(Target)}: {Format.Verdict(met)}";
                    targets.Add(new TargetCheck(
                        $"≥ 1,000,000 events/s from one writer ({(allocate ? "allocating each event" : "events made up front")})",
                        Format.Rate(log.Median), met));
                }

                table.Add(
                    writers.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Count(Capacity),
                    allocate ? "in the loop" : "up front", Format.Rate(log.Median), Format.Rate(log.Best),
                    Format.Rate(bare.Median), Format.Ratio(log.Median / bare.Median), target);
            }
        }

        return new Section("Appending to the event log", table, Notes, targets);
    }

    public static RunEvent[] MakeEvents(int count) =>
        Enumerable.Range(0, count).Select(i => (RunEvent)new CounterEvent(i, "items", i)).ToArray();

    /// <summary>
    /// Median and best events/s of the log and of the bare store, over <see cref="Rounds"/> rounds after a warm-up
    /// round; the two alternate, so other work on the machine lands on both alike.
    /// </summary>
    private static ((double Median, double Best) Log, (double Median, double Best) Bare) Compare(int writers, RunEvent[] made, bool allocate)
    {
        var (log, bare) = (new List<double>(), new List<double>());
        for (var i = -1; i < Rounds; i++)
        {
            var (logRate, bareRate) = (Round(writers, made, allocate, bare: false), Round(writers, made, allocate, bare: true));
            if (i >= 0)
            {
                log.Add(logRate);
                bare.Add(bareRate);
            }
        }

        static (double, double) Summary(List<double> rates) => (rates.Order().ElementAt(rates.Count / 2), rates.Max());
        return (Summary(log), Summary(bare));
    }

    /// <summary>Fills a fresh log (or bare array) from <paramref name="writers"/> threads released together; returns events/s.</summary>
    private static double Round(int writers, RunEvent[] made, bool allocate, bool bare)
    {
        // The previous round's two million events are garbage now; collect them outside the timed part.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var append = bare ? BareAppend() : new EventLog(Capacity).TryAppend;
        var share = Capacity / writers;
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            go.Wait();
            Write(append, made, w * share, share, allocate);
        })).ToList();
        threads.ForEach(t => t.Start());

        var start = Stopwatch.GetTimestamp();
        go.Set();
        threads.ForEach(t => t.Join());
        return share * writers / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static void Write(Func<RunEvent, bool> append, RunEvent[] made, int from, int count, bool allocate)
    {
        for (var i = from; i < from + count; i++)
        {
            if (!append(allocate ? new CounterEvent(i, "items", i) : made[i]))
            {
                throw new InvalidOperationException("The log refused an event below its capacity.");
            }
        }
    }

    /// <summary>
    /// The floor of a locked append log: one lock and one store per event, into chunks allocated as they fill
    /// like the log's own (one big array would live in the large object heap and pay a card mark per store).
    /// </summary>
    private static Func<RunEvent, bool> BareAppend()
    {
        const int shift = 12;
        var chunks = new RunEvent[]?[(Capacity >> shift) + 1];
        var gate = new Lock();
        var count = 0;
        return e =>
        {
            lock (gate)
            {
                (chunks[count >> shift] ??= new RunEvent[1 << shift])[count & ((1 << shift) - 1)] = e;
                count++;
            }

            return true;
        };
    }

    private const string Notes =
        "Each round fills a fresh log of 2,000,000 events; writers are released together and the clock stops when " +
        "the last one is done. *Up front*: the `CounterEvent`s exist before the clock starts, so only `TryAppend` is " +
        "timed; *in the loop*: each event is allocated as a demo would. *Bare lock + store* is the least a locked " +
        "log can do: one `Lock` and one store per event into the same 4,096-slot chunks, through the same delegate " +
        "call, without the log's checks and reader wake-ups. Log and bare rounds alternate; median and best of five rounds each after a warm-up round.";
}
