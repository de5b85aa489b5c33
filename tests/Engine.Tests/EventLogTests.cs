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

    private static async Task<List<RunEvent>> ReadAllAsync(EventLog log, long from)
    {
        var seen = new List<RunEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var batch in log.ReadAsync(from, 256, TimeSpan.FromMilliseconds(5), timeout.Token))
        {
            Assert.Equal(from + seen.Count, batch.First);
            seen.AddRange(batch.Events);
        }

        return seen;
    }
}
