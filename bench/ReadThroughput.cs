using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Events;
using EventLog = ConcurrencyLab.Engine.Events.EventLog; // not System.Diagnostics.EventLog, which the portal's framework brings

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 3: one writer appends while 0, 1 or 100 readers stream the log as the live view does. Readers must
/// not hold up the writer (a demo's threads), and together they should move many times the writer's rate.
/// </summary>
internal static class ReadThroughput
{
    private const int Events = 1_000_000;
    private const int Rounds = 15;
    private const int BatchSize = 256;
    private const double MaxSlowdown = 0.20;

    /// <summary>The portal's default flush interval (RunsOptions.FlushInterval): readers as browsers really get them.</summary>
    public static readonly TimeSpan PortalFlush = TimeSpan.FromMilliseconds(30);

    public static Section Measure()
    {
        var made = AppendThroughput.MakeEvents(Events);
        var table = new Table(
            "Beside the writer", "Flush delay", "Writer (wall)", "vs alone", "Writer (own CPU)", "vs alone",
            "Delivered, all readers", "Per reader", "Mean batch", "GCs", "Target");
        Case alone = new("nothing", 0, TimeSpan.Zero), busy = new("1 busy thread (bare)", 0, TimeSpan.Zero, BusyThread: true);
        Case bareAlone = new("nothing (bare store)", 0, TimeSpan.Zero, Bare: true), bareReaders = new("100 bare readers (bare store)", 100, TimeSpan.Zero, Bare: true);
        Case[] cases =
        [
            alone, busy, new("1 reader", 1, TimeSpan.Zero), new("100 readers", 100, TimeSpan.Zero), new("100 readers", 100, PortalFlush),
            bareAlone, bareReaders,
        ];

        // Cases take turns round by round, so other work on the machine lands on all of them alike.
        var rounds = cases.Select(_ => new List<RoundResult>()).ToArray();
        for (var round = -1; round < Rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var measured = Round(cases[i], made);
                if (round >= 0)
                {
                    rounds[i].Add(measured);
                }
            }
        }

        var results = cases.Zip(rounds, (c, r) =>
        {
            double Median(Func<RoundResult, double> of) => r.Select(of).Order().ElementAt(Rounds / 2);
            return (Case: c, Result: new RoundResult(Median(x => x.Wall), Median(x => x.Cpu), Median(x => x.Delivered), Median(x => x.MeanBatch), Median(x => x.Collections)));
        }).ToDictionary(x => x.Case, x => x.Result);
        RoundResult BaselineOf(Case c) => results[c.Bare ? bareAlone : alone];
        double WallChange(Case c) => results[c].Wall / BaselineOf(c).Wall - 1;

        var targets = new List<TargetCheck>();
        foreach (var c in cases)
        {
            var result = results[c];
            var target = "";
            if (c is { Readers: 100, Flush.Ticks: 0, Bare: false })
            {
                var met = -WallChange(c) < MaxSlowdown;
                target = $"slowdown < 20 %: {Format.Verdict(met)}";
                targets.Add(new TargetCheck(
                    "100 readers slow the writer by less than 20 %",
                    $"writer {Format.Percent(WallChange(c))}; the floor, 100 bare readers of a bare store: {Format.Percent(WallChange(bareReaders))}",
                    met));
            }

            var (first, readers) = (c == alone || c == bareAlone, c.Readers > 0);
            table.Add(
                c.Label, Format.Delay(c.Flush),
                Format.Rate(result.Wall), first ? "—" : Format.Percent(WallChange(c)),
                Format.Rate(result.Cpu), first ? "—" : Format.Percent(result.Cpu / BaselineOf(c).Cpu - 1),
                readers ? Format.Rate(result.Delivered) : "—", readers ? Format.Rate(result.Delivered / c.Readers) : "—",
                readers ? result.MeanBatch.ToString("0.0", CultureInfo.InvariantCulture) : "—",
                result.Collections.ToString(CultureInfo.InvariantCulture), target);
        }

        return new Section("Reading while a writer appends", table, Notes, targets);
    }

    private static RoundResult Round(Case c, RunEvent[] made)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var log = new EventLog(AppendThroughput.Capacity);
        var bare = new BareStream(AppendThroughput.Capacity);
        var collections = GC.CollectionCount(0);

        // Each reader runs synchronously up to its first wait on the empty log, so all are waiting before the writer starts.
        var reading = c.Bare
            ? c.Readers > 0 ? [bare.StartReaders(c.Readers, BatchSize)] : []
            : Enumerable.Range(0, c.Readers).Select(_ => ReadAllAsync(log, c.Flush)).ToArray();
        using var busy = c.BusyThread ? new BusyThread() : null;
        var start = Stopwatch.GetTimestamp();
        var (wall, cpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var writer = new Thread(() =>
        {
            var cpuStart = ThreadCpu.Now();
            if (c.Bare)
            {
                foreach (var e in made)
                {
                    bare.Append(e);
                }
            }
            else
            {
                foreach (var e in made)
                {
                    log.TryAppend(e);
                }
            }

            (wall, cpu) = (Stopwatch.GetElapsedTime(start), ThreadCpu.Now() - cpuStart);
            log.Complete();
            bare.Complete();
        }) { Name = "writer" };
        writer.Start();
        writer.Join();
        Task.WaitAll(reading);
        collections = GC.CollectionCount(0) - collections;

        var results = reading.Select(r => r.Result).ToArray();
        if (results.Sum(r => r.Count) != (long)c.Readers * made.Length)
        {
            throw new InvalidOperationException("An event was lost between the writer and a reader.");
        }

        var lastDone = results.Select(r => r.DoneAt).DefaultIfEmpty(start).Max();
        var delivered = c.Readers * (double)made.Length / Stopwatch.GetElapsedTime(start, lastDone).TotalSeconds;
        var meanBatch = c.Readers * (double)made.Length / Math.Max(1, results.Sum(r => r.Batches));
        return new RoundResult(made.Length / wall.TotalSeconds, made.Length / cpu.TotalSeconds, delivered, meanBatch, collections);
    }

    private static async Task<(long Count, long Batches, long DoneAt)> ReadAllAsync(EventLog log, TimeSpan flush)
    {
        var (count, batches) = (0L, 0L);
        await foreach (var batch in log.ReadAsync(0, BatchSize, flush))
        {
            count += batch.Events.Count;
            batches++;
        }

        return (count, batches, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// What runs beside the writer in one case: readers of its log with a flush delay, or a bare busy thread;
    /// with <paramref name="Bare"/>, the writer fills a <see cref="BareStream"/> instead and the readers are its bare ones.
    /// </summary>
    private sealed record Case(string Label, int Readers, TimeSpan Flush, bool BusyThread = false, bool Bare = false);

    /// <summary>
    /// The floor: a thread that only spins, touching nothing the writer touches, started as the writer starts.
    /// Any reader that runs while the writer does costs it at least what this costs.
    /// </summary>
    private sealed class BusyThread : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public BusyThread()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Thread.SpinWait(64);
                }
            }) { Name = "busy" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }

    /// <summary>Events per second (the writer's by the wall clock and by its own CPU time, all readers' together), and garbage collections.</summary>
    private sealed record RoundResult(double Wall, double Cpu, double Delivered, double MeanBatch, double Collections);

    private const string Notes =
        "One writer thread appends 1,000,000 events made up front while each reader streams the whole log with " +
        "`ReadAsync(0, 256, flush delay)`; the last row uses the portal's default flush interval (30 ms). " +
        "Two floors are measured in the same rounds. *1 busy thread (bare)*: instead of readers, one plain thread " +
        "that only spins, touching nothing the writer touches; whatever runs while the writer does costs it at " +
        "least this. *100 bare readers (bare store)*: the writer fills a bare store instead (one lock and one store " +
        "per event, the count on a cache line of its own, as in section 2) and 100 readers follow it as plain " +
        "cursors, stepped by one plain thread that looks at the count every 100 µs, as the pump does, and takes zero-copy segments of up " +
        "to 256 events: the least that a hundred readers following a writer live must do, with no tasks, waking " +
        "or bookkeeping; its change is against the bare store alone (*nothing (bare store)*). " +
        "*Writer (wall)* is its append rate until its last event; *Writer (own CPU)* divides by the CPU time of the " +
        "writer's thread instead, so it leaves out the time the writer waited for a core and shows what its own " +
        "appends cost (including the cache misses and context switches that others cause it). *Delivered* is every " +
        "event every reader received over the time from the writer's start until the last reader had the last " +
        "event; *Mean batch* is events per batch a reader received; *GCs* counts the garbage collections during a " +
        "round, each of which stops the writer too. A batch a reader already knows of comes back at once, without a " +
        "task; readers that wait are resumed by the log's pump, one work item that resumes them one after another " +
        "and, while events stream, looks at the writer's cache line at most every 100 µs, so a hundred readers take " +
        "one core and readers that keep pace cost the writer a cache miss per look, not per event. " +
        "The cases take turns, round by round; medians of fifteen rounds after a warm-up round.";
}
