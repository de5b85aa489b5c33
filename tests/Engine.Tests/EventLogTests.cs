using ConcurrencyLab.Engine.Demos.Threads;
using ConcurrencyLab.Engine.Events;

namespace ConcurrencyLab.Engine.Tests;

public class EventLogTests
{
    [Fact]
    public async Task ReaderThatStartsLateGetsEveryEventOnceInOrder()
    {
        var log = Filled(10_000);

        var seen = await ReadAllAsync(log, 0);

        Assert.Equal(Enumerable.Range(0, 10_000), seen.Select(e => (int)e.T));
    }

    [Fact]
    public async Task ReaderResumingFromASequenceGetsOnlyTheRest()
    {
        var log = Filled(1_000);

        var seen = await ReadAllAsync(log, 600);

        Assert.Equal(Enumerable.Range(600, 400), seen.Select(e => (int)e.T));
    }

    [Fact]
    public async Task LiveReadersSeeWhatConcurrentWritersAppendExactlyOnce()
    {
        var log = new EventLog(100_000);
        var readers = Enumerable.Range(0, 8).Select(_ => ReadAllAsync(log, 0)).ToArray();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                log.TryAppend(new CounterEvent(w * 5_000 + i, "n", i));
            }
        })).ToArray();
        await Task.WhenAll(writers);
        log.Complete();

        foreach (var reader in readers)
        {
            var seen = await reader;
            Assert.Equal(20_000, seen.Count);
            Assert.Equal(20_000, seen.Select(e => e.T).Distinct().Count());
            Assert.Equal(log.Slice(0, log.Count), seen);
        }
    }

    [Fact]
    public async Task AHundredReadersOfALiveRunGetIdenticalSequences()
    {
        var run = RunHarness.Create(new SpawnThreadsDemo(), new Dictionary<string, string> { ["threads"] = "8", ["lines"] = "10", ["pause"] = "2" });
        var readers = Enumerable.Range(0, 100).Select(_ => ReadAllAsync(run.Log, 0)).ToArray();

        run.Start();
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var whole = run.Log.Slice(0, run.Log.Count);
        Assert.True(whole.Length > 200);
        foreach (var reader in readers)
        {
            Assert.Equal(whole, await reader);
        }
    }

    [Fact]
    public async Task EachEventOfAWriterThatPausesReachesEveryReaderBeforeTheNextIsWritten()
    {
        // A reader nobody woke would get an event only with the next append; here the next append waits
        // until every reader has the event, so a lost wake-up fails the test instead of hiding.
        var log = new EventLog(1_000);
        var received = new int[12];
        var readers = received.Select((_, r) => Task.Run(async () =>
        {
            var flush = TimeSpan.FromMilliseconds(r % 3 == 0 ? 5 : 0);
            await foreach (var batch in log.ReadAsync(0, 256, flush))
            {
                Interlocked.Add(ref received[r], batch.Events.Count);
            }
        })).ToArray();
        var random = new Random(3);

        for (var i = 1; i <= 200; i++)
        {
            log.TryAppend(new CounterEvent(i, "n", i));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Enumerable.Range(0, received.Length).Any(r => Volatile.Read(ref received[r]) < i))
            {
                Assert.True(DateTime.UtcNow < deadline, $"a reader never got event {i}: {string.Join(", ", received)}");
                await Task.Delay(random.Next(2));
            }
        }

        log.Complete();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(received, count => Assert.Equal(200, count));
    }

    [Fact]
    public async Task ReadersJoiningAtRandomWhileWritersRaceGetExactlyTheirPartOfTheLog()
    {
        for (var round = 0; round < 5; round++)
        {
            var log = new EventLog(200_000);
            var random = new Random(round);
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    log.TryAppend(new CounterEvent(w * 20_000 + i, "n", i));
                    if (i % 2_000 == w)
                    {
                        await Task.Delay(1);
                    }
                }
            })).ToArray();
            var readers = new List<(long From, Task<List<RunEvent>> Seen)>();
            for (var r = 0; r < 30; r++)
            {
                var from = random.Next(Math.Max(1, log.Count));
                readers.Add((from, ReadAllAsync(log, from, TimeSpan.FromMilliseconds(r % 2))));
                await Task.Delay(random.Next(3));
            }

            await Task.WhenAll(writers);
            log.Complete();

            var whole = log.Slice(0, log.Count);
            Assert.Equal(80_000, whole.Length);
            foreach (var (from, seen) in readers)
            {
                Assert.Equal(whole[(int)from..], await seen);
            }
        }
    }

    [Fact]
    public async Task CancellingAWaitingReaderEndsItAndLeavesTheOthersReading()
    {
        var log = new EventLog(100);
        log.TryAppend(new CounterEvent(0, "n", 0));
        using var cancel = new CancellationTokenSource();
        var cancelled = ReadAllAsync(log, 0, TimeSpan.Zero, cancel.Token);
        var other = ReadAllAsync(log, 0, TimeSpan.Zero);
        await Task.Delay(50);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(5)));
        log.TryAppend(new CounterEvent(1, "n", 1));
        log.Complete();

        Assert.Equal(2, (await other.WaitAsync(TimeSpan.FromSeconds(5))).Count);
    }

    [Fact]
    public void FullLogRefusesDemoEventsButKeepsRoomForTheFinalStatus()
    {
        var log = new EventLog(3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(log.TryAppend(new CounterEvent(i, "n", i)));
        }

        Assert.False(log.TryAppend(new CounterEvent(3, "n", 3)));
        Assert.True(log.AppendStatus(new RunStatusEvent(4, RunStatus.Truncated)));
        Assert.Equal(4, log.Count);
    }

    private static EventLog Filled(int count)
    {
        var log = new EventLog(count);
        for (var i = 0; i < count; i++)
        {
            log.TryAppend(new CounterEvent(i, "n", i));
        }

        log.Complete();
        return log;
    }

    private static Task<List<RunEvent>> ReadAllAsync(EventLog log, long from) =>
        ReadAllAsync(log, from, TimeSpan.FromMilliseconds(5));

    private static async Task<List<RunEvent>> ReadAllAsync(EventLog log, long from, TimeSpan flush, CancellationToken cancellationToken = default)
    {
        var seen = new List<RunEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await foreach (var batch in log.ReadAsync(from, 256, flush, timeout.Token))
        {
            Assert.Equal(from + seen.Count, batch.First);
            seen.AddRange(batch.Events);
        }

        return seen;
    }
}
