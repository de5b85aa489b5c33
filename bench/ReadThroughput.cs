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
    private const int Rounds = 5;
    private const int BatchSize = 256;
    private const double MaxSlowdown = 0.20;

    /// <summary>The portal's default flush interval (RunsOptions.FlushInterval): readers as browsers really get them.</summary>
    public static readonly TimeSpan PortalFlush = TimeSpan.FromMilliseconds(30);

    public static Section Measure()
    {
        var made = AppendThroughput.MakeEvents(Events);
        var table = new Table(
            "Readers", "Flush delay", "Writer (wall)", "vs 0 readers", "Writer (own CPU)", "vs 0 readers",
            "Delivered, all readers", "Per reader", "Mean batch", "GCs", "Target");
        var targets = new List<TargetCheck>();
        (int Readers, TimeSpan Flush)[] cases = [(0, TimeSpan.Zero), (1, TimeSpan.Zero), (100, TimeSpan.Zero), (100, PortalFlush)];

        // Cases take turns round by round, so other work on the machine lands on all of them alike.
        var rounds = cases.Select(_ => new List<RoundResult>()).ToArray();
        for (var round = -1; round < Rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var measured = Round(cases[i].Readers, cases[i].Flush, made);
                if (round >= 0)
                {
                    rounds[i].Add(measured);
                }
            }
        }

        RoundResult? alone = null;
        foreach (var ((readers, flush), results) in cases.Zip(rounds))
        {
            double Median(Func<RoundResult, double> of) => results.Select(of).Order().ElementAt(Rounds / 2);
            var result = new RoundResult(Median(r => r.Wall), Median(r => r.Cpu), Median(r => r.Delivered), Median(r => r.MeanBatch), Median(r => r.Collections));
            alone ??= result;
            var wallChange = result.Wall / alone.Wall - 1;
            var target = "";
            if (readers == 100 && flush == TimeSpan.Zero)
            {
                var met = -wallChange < MaxSlowdown;
                target = $"slowdown < 20 %: {Format.Verdict(met)}";
                targets.Add(new TargetCheck("100 readers slow the writer by less than 20 %", $"writer {Format.Percent(wallChange)}", met));
            }

            var none = readers == 0;
            table.Add(
                readers.ToString(CultureInfo.InvariantCulture), Format.Delay(flush),
                Format.Rate(result.Wall), none ? "—" : Format.Percent(wallChange),
                Format.Rate(result.Cpu), none ? "—" : Format.Percent(result.Cpu / alone.Cpu - 1),
                none ? "—" : Format.Rate(result.Delivered), none ? "—" : Format.Rate(result.Delivered / readers),
                none ? "—" : result.MeanBatch.ToString("0.0", CultureInfo.InvariantCulture),
                result.Collections.ToString(CultureInfo.InvariantCulture), target);
        }

        return new Section("Reading while a writer appends", table, Notes, targets);
    }

    private static RoundResult Round(int readers, TimeSpan flush, RunEvent[] made)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var log = new EventLog(AppendThroughput.Capacity);
        var collections = GC.CollectionCount(0);

        // Each reader runs synchronously up to its first wait on the empty log, so all are waiting before the writer starts.
        var reading = Enumerable.Range(0, readers).Select(_ => ReadAllAsync(log, flush)).ToArray();
        var start = Stopwatch.GetTimestamp();
        var (wall, cpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var writer = new Thread(() =>
        {
            var cpuStart = ThreadCpu.Now();
            foreach (var e in made)
            {
                log.TryAppend(e);
            }

            (wall, cpu) = (Stopwatch.GetElapsedTime(start), ThreadCpu.Now() - cpuStart);
            log.Complete();
        }) { Name = "writer" };
        writer.Start();
        writer.Join();
        Task.WaitAll(reading);
        collections = GC.CollectionCount(0) - collections;

        var results = reading.Select(r => r.Result).ToArray();
        if (log.Count != made.Length || results.Any(r => r.Count != made.Length))
        {
            throw new InvalidOperationException("An event was lost between the writer and a reader.");
        }

        var lastDone = results.Select(r => r.DoneAt).DefaultIfEmpty(start).Max();
        var delivered = readers * (double)made.Length / Stopwatch.GetElapsedTime(start, lastDone).TotalSeconds;
        var meanBatch = readers * (double)made.Length / Math.Max(1, results.Sum(r => r.Batches));
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

    /// <summary>Events per second (the writer's by the wall clock and by its own CPU time, all readers' together), and garbage collections.</summary>
    private sealed record RoundResult(double Wall, double Cpu, double Delivered, double MeanBatch, double Collections);

    private const string Notes =
        "One writer thread appends 1,000,000 events made up front while each reader streams the whole log with " +
        "`ReadAsync(0, 256, flush delay)` on the thread pool; the last row uses the portal's default flush interval " +
        "(30 ms). *Writer (wall)* is its append rate until its last event; *Writer (own CPU)* divides by the CPU " +
        "time of the writer's thread instead, so it leaves out the time the writer waited for a core and shows only " +
        "the extra work readers cause it (lock contention, waking them, cache misses). *Delivered* is every event " +
        "every reader received over the time from the writer's start until the last reader had the last event; " +
        "*Mean batch* is events per batch a reader received (each batch is one wake-up or one pass of its loop); " +
        "*GCs* counts the garbage collections during a round, each of which stops the writer too. A reader that keeps pace with the writer catches up, waits and is woken again " +
        "every few events (a small mean batch), which costs the writer; one that falls behind reads full batches and " +
        "never waits. Which of the two a round settles into depends on the scheduler, so runs differ; the mean batch " +
        "says which one a row saw. The cases take turns, round by round; medians of five rounds after a warm-up round.";
}
