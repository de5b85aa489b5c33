using System.Diagnostics;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 3: one writer appends while 0, 1 or 100 readers stream the log as the live view does. Readers must
/// not hold up the writer (a demo's threads), and together they should move many times the writer's rate.
/// </summary>
internal static class ReadThroughput
{
    private const int Events = 1_000_000;
    private const int Rounds = 3;
    private const double MaxSlowdown = 0.20;

    public static Section Measure()
    {
        var made = AppendThroughput.MakeEvents(Events);
        var table = new Table("Readers", "Events", "Writer median", "Writer vs 0 readers", "Delivered, all readers", "Per reader", "Target");
        var targets = new List<TargetCheck>();
        double? alone = null;
        foreach (var readers in new[] { 0, 1, 100 })
        {
            Round(readers, made);
            var rounds = Enumerable.Range(0, Rounds).Select(_ => Round(readers, made)).ToArray();
            var writer = rounds.Select(r => r.Writer).Order().ElementAt(Rounds / 2);
            var delivered = rounds.Select(r => r.Delivered).Order().ElementAt(Rounds / 2);
            alone ??= writer;
            var change = writer / alone.Value - 1;
            var target = "";
            if (readers == 100)
            {
                var met = -change < MaxSlowdown;
                target = $"slowdown < 20 %: {Format.Verdict(met)}";
                targets.Add(new TargetCheck("100 readers slow the writer by less than 20 %", $"writer {Format.Percent(change)}", met));
            }

            table.Add(
                readers.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Count(Events), Format.Rate(writer),
                readers == 0 ? "—" : Format.Percent(change),
                readers == 0 ? "—" : Format.Rate(delivered), readers == 0 ? "—" : Format.Rate(delivered / readers), target);
        }

        return new Section("Reading while a writer appends", table, Notes, targets);
    }

    /// <summary>Returns the writer's events/s and the events/s all readers received together, until the last had all.</summary>
    private static (double Writer, double Delivered) Round(int readers, RunEvent[] made)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var log = new EventLog(AppendThroughput.Capacity);

        // Each reader runs synchronously up to its first wait on the empty log, so all are waiting before the writer starts.
        var reading = Enumerable.Range(0, readers).Select(_ => ReadAllAsync(log)).ToArray();
        var start = Stopwatch.GetTimestamp();
        var writing = TimeSpan.Zero;
        var writer = new Thread(() =>
        {
            foreach (var e in made)
            {
                log.TryAppend(e);
            }

            writing = Stopwatch.GetElapsedTime(start);
            log.Complete();
        }) { Name = "writer" };
        writer.Start();
        writer.Join();
        Task.WaitAll(reading);

        if (log.Count != Events || reading.Any(r => r.Result.Count != Events))
        {
            throw new InvalidOperationException("An event was lost between the writer and a reader.");
        }

        var lastDone = reading.Select(r => r.Result.DoneAt).DefaultIfEmpty(start).Max();
        var delivered = readers * (double)Events / Stopwatch.GetElapsedTime(start, lastDone).TotalSeconds;
        return (Events / writing.TotalSeconds, delivered);
    }

    private static async Task<(long Count, long DoneAt)> ReadAllAsync(EventLog log)
    {
        long count = 0;
        await foreach (var batch in log.ReadAsync(0, 256, TimeSpan.Zero))
        {
            count += batch.Events.Count;
        }

        return (count, Stopwatch.GetTimestamp());
    }

    private const string Notes =
        "One writer thread appends 1,000,000 events made up front while the readers each stream the whole log " +
        "with `ReadAsync(0, 256, TimeSpan.Zero)` on the thread pool. *Writer* is its append rate until its last " +
        "event; *Delivered* is every event every reader received, divided by the time from the writer's start until " +
        "the last reader had the last event. Medians of three rounds after a warm-up round.";
}
