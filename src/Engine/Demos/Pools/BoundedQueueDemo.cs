using System.Collections.Concurrent;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Pools;

/// <summary>
/// Producer threads put items into a bounded blocking queue and consumer threads take them out. Neither
/// side knows the other; the queue is the only thing they share. When producers are faster, the queue
/// fills up and blocks them (backpressure); when consumers are faster, it runs empty and blocks them.
/// </summary>
public sealed class BoundedQueueDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "bounded-queue",
        new("Producers, consumers and a bounded queue", "生产者、消费者和有界队列"),
        new(
            "Watch the queue length counter climb to the capacity; then producers turn orange (waiting: queue full) and keep pace with the consumers.",
            "看队列长度计数涨到容量上限；之后生产者变成橙色（等待：队列已满），只能跟着消费者的节奏走。"),
        [
            new("producers", new("Producers", "生产者"), 1, 4, 2),
            new("consumers", new("Consumers", "消费者"), 1, 4, 1),
            new("capacity", new("Queue capacity", "队列容量"), 1, 20, 4),
            new("items", new("Items per producer", "每个生产者的产品数"), 1, 30, 8),
            new("produce", new("Time to make an item", "生产一件耗时"), 0, 500, 30, "ms"),
            new("consume", new("Time to use an item", "消费一件耗时"), 0, 500, 80, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var p = context.Parameters;
        var produce = TimeSpan.FromMilliseconds(p["produce"]);
        var consume = TimeSpan.FromMilliseconds(p["consume"]);

        // BlockingCollection with a bound: Add blocks while it is full, Take blocks while it is empty.
        // Underneath is a queue that reports its length each time it changes.
        using var queue = new BlockingCollection<string>(new CountingQueue(context), p["capacity"]);
        context.Counter("queue length", 0);

        var producers = Enumerable.Range(1, p["producers"])
            .Select(n => context.StartThread($"producer {n}", lane => Produce(lane, queue, p["items"], produce, context.Cancellation)))
            .ToList();
        var consumers = Enumerable.Range(1, p["consumers"])
            .Select(n => context.StartThread($"consumer {n}", lane => Consume(lane, queue, consume, context.Cancellation)))
            .ToList();

        // When every producer is done, tell the consumers no more items will come: they finish what is queued and stop.
        producers.ForEach(context.Main.Join);
        queue.CompleteAdding();
        context.Main.Print("all producers done: CompleteAdding(), consumers drain the queue");
        consumers.ForEach(context.Main.Join);
        context.Main.Print($"all {p["producers"] * p["items"]} items consumed");
        return Task.CompletedTask;
    }

    private static void Produce(Lane lane, BlockingCollection<string> queue, int items, TimeSpan produce, CancellationToken cancellation)
    {
        for (var i = 1; i <= items; i++)
        {
            lane.Sleep(produce); // making the item
            var item = $"{lane.Name[^1]}.{i}";

            // Try first without waiting; if the queue is full, block until a consumer makes room.
            if (!queue.TryAdd(item))
            {
                lane.Enter(LaneState.Waiting, "queue full");
                queue.Add(item, cancellation);
                lane.Enter(LaneState.Running);
            }

            lane.Print($"put item {item}");
        }
    }

    private static void Consume(Lane lane, BlockingCollection<string> queue, TimeSpan consume, CancellationToken cancellation)
    {
        while (true)
        {
            if (!queue.TryTake(out var item))
            {
                lane.Enter(LaneState.Waiting, "queue empty");

                // Blocks until an item arrives; returns false once the queue is empty and no producer will add more.
                if (!queue.TryTake(out item, Timeout.Infinite, cancellation))
                {
                    return;
                }

                lane.Enter(LaneState.Running);
            }

            lane.Print($"took item {item}");
            lane.Sleep(consume); // using the item
        }
    }

    /// <summary>
    /// The queue inside the BlockingCollection. It reports its length under the same lock as each change,
    /// so the counter on the timeline is the real length, in the real order of changes.
    /// </summary>
    private sealed class CountingQueue(DemoContext context) : IProducerConsumerCollection<string>
    {
        private readonly Queue<string> _items = new();
        private readonly Lock _gate = new();

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsSynchronized => false;

        public object SyncRoot => throw new NotSupportedException();

        public bool TryAdd(string item)
        {
            lock (_gate)
            {
                _items.Enqueue(item);
                context.Counter("queue length", _items.Count);
                return true;
            }
        }

        public bool TryTake(out string item)
        {
            lock (_gate)
            {
                if (!_items.TryDequeue(out item!))
                {
                    return false;
                }

                context.Counter("queue length", _items.Count);
                return true;
            }
        }

        public string[] ToArray()
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }

        public void CopyTo(string[] array, int index) => ToArray().CopyTo(array, index);

        public void CopyTo(Array array, int index) => ToArray().CopyTo(array, index);

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)ToArray()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
