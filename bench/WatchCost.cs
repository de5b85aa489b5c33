using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Engine.Events;
using EventLog = ConcurrencyLab.Engine.Events.EventLog; // not System.Diagnostics.EventLog, which the portal's framework brings

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 4: what watchers cost a demo's own thread. A demo emits an event now and then, and by then every
/// reader has caught up and waits; the append that wakes them runs on the demo's thread, so its duration is
/// time the demo loses. The bare limit is the same append with nobody watching.
/// </summary>
internal static class WatchCost
{
    private const int Events = 250;
    private const int Rounds = 4;

    public static Section Measure()
    {
        var table = new Table("Readers", "Flush delay", "Append median", "Append p90", "Append mean", "Median vs 0 readers");
        (int Readers, TimeSpan Flush)[] cases = [(0, TimeSpan.Zero), (1, TimeSpan.Zero), (100, TimeSpan.Zero), (100, ReadThroughput.PortalFlush)];

        // Cases take turns, so other work on the machine lands on all of them alike.
        var costs = cases.Select(_ => new Samples()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                Round(cases[i].Readers, cases[i].Flush, costs[i]);
            }
        }

        var alone = costs[0];
        foreach (var ((readers, flush), cost) in cases.Zip(costs))
        {
            table.Add(
                readers.ToString(CultureInfo.InvariantCulture), Format.Delay(flush),
                Micros(cost.Median), Micros(cost.P90), Micros(cost.Mean),
                readers == 0 ? "—" : Format.Ratio(cost.Median / alone.Median));
        }

        return new Section("What watching costs a demo thread", table, Notes, []);
    }

    private static string Micros(double micros) => micros.ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    private static void Round(int readers, TimeSpan flush, Samples costs)
    {
        var log = new EventLog(Events);
        var reading = Enumerable.Range(0, readers).Select(_ => ReadAllAsync(log, flush)).ToArray();
        var writer = new Thread(() =>
        {
            for (var i = 0; i < Events; i++)
            {
                var e = new CounterEvent(i, "items", i);
                var start = Stopwatch.GetTimestamp();
                log.TryAppend(e);
                costs.Add(Stopwatch.GetElapsedTime(start));

                // Paced like a demo that prints a line now and then, so the readers catch up and wait between events.
                Thread.Sleep(1);
            }

            log.Complete();
        }) { Name = "paced writer" };
        writer.Start();
        writer.Join();
        Task.WaitAll(reading);
    }

    private static async Task ReadAllAsync(EventLog log, TimeSpan flush)
    {
        await foreach (var _ in log.ReadAsync(0, 256, flush))
        {
        }
    }

    private const string Notes =
        "One writer thread appends events, one every millisecond or so, and times each `TryAppend`; readers " +
        "stream the log as in section 3. With no flush delay the readers are all waiting when an event comes, so " +
        "the log's pump is armed and the append queues it: one thread-pool work item however many readers there " +
        "are, and what it costs is mostly waking a sleeping pool thread (a system call, on the writer's thread). " +
        "With the portal's 30 ms flush delay a reader waits out the delay once woken, so only the first append " +
        "after each pause pays. " +
        "Four rounds of 250 events per case, the cases taking turns.";
}
