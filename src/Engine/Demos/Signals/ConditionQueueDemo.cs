using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Signals;

/// <summary>
/// A condition variable built from <see cref="Monitor"/>: one lock guards a small queue; consumers
/// Monitor.Wait while it is empty, producers put an item in and Monitor.Pulse to wake one of them.
/// </summary>
public sealed class ConditionQueueDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "condition-queue",
        new("A queue guarded by a condition variable", "用条件变量守护的队列"),
        new(
            "Consumers wait (orange) on an empty queue; each producer's \"pulse\" mark points at the one consumer it woke.",
            "队列为空时消费者等待（橙色）；生产者的每个“pulse”标记都指向它唤醒的那一个消费者。"),
        [
            new("producers", new("Producers", "生产者数"), 1, 4, 2),
            new("consumers", new("Consumers", "消费者数"), 1, 6, 3),
            new("items", new("Items per producer", "每个生产者的产品数"), 1, 20, 6),
            new("pause", new("Time to make an item", "生产一件的时间"), 0, 500, 60, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var items = context.Parameters["items"];
        var pause = TimeSpan.FromMilliseconds(context.Parameters["pause"]);
        var queue = new GuardedQueue(context);
        context.Counter("queue length", 0);

        var producers = Enumerable.Range(1, context.Parameters["producers"])
            .Select(p => context.StartThread($"P{p}", lane => Produce(lane, queue, items, pause)))
            .ToList();
        var consumers = Enumerable.Range(1, context.Parameters["consumers"])
            .Select(c => context.StartThread($"C{c}", lane => Consume(lane, queue)))
            .ToList();

        producers.ForEach(context.Main.Join);
        queue.Close(context.Main); // no more items: wake every consumer so it can go home
        consumers.ForEach(context.Main.Join);
        return Task.CompletedTask;
    }

    private static void Produce(Lane lane, GuardedQueue queue, int items, TimeSpan pause)
    {
        for (var i = 1; i <= items; i++)
        {
            lane.Sleep(pause); // making the item takes time; no lock is held meanwhile
            queue.Put(lane, $"{lane.Name}.{i}");
        }
    }

    private static void Consume(Lane lane, GuardedQueue queue)
    {
        while (queue.Take(lane) is { } item)
        {
            lane.Print($"{lane.Name} took {item}");
            lane.Sleep(TimeSpan.FromMilliseconds(10)); // using the item, outside the lock
        }

        lane.Print($"{lane.Name}: the queue is closed and empty; done");
    }

    private sealed class GuardedQueue
    {
        private readonly DemoContext _context;
        private readonly object _gate = new(); // Monitor.Wait/Pulse need a plain object as the lock
        private readonly Queue<string> _items = new();

        // Monitor wakes waiters in the order they started waiting (the runtime keeps a first-in,
        // first-out list; the docs don't promise it). We keep the same list, so a producer can name the
        // consumer its Pulse wakes; each consumer checks the name when it wakes up.
        private readonly List<Lane> _sleepers = [];
        private readonly Dictionary<Lane, Lane> _wokenBy = [];
        private bool _closed;

        public GuardedQueue(DemoContext context)
        {
            _context = context;
            // A stopped run must not leave consumers asleep forever: wake them all to see the token.
            context.Cancellation.Register(() =>
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            });
        }

        public void Put(Lane producer, string item)
        {
            Acquire(producer);
            try
            {
                _items.Enqueue(item);
                producer.Mark($"put {item}");
                _context.Counter("queue length", _items.Count);
                if (_sleepers.Count > 0)
                {
                    var woken = _sleepers[0];
                    _sleepers.RemoveAt(0);
                    _wokenBy[woken] = producer;
                    producer.Mark($"pulse → {woken.Name}", woken);
                }

                Monitor.Pulse(_gate); // "the queue is not empty any more": wake one waiter, if any
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>Takes the next item, waiting while the queue is empty; null once it is closed and empty.</summary>
        public string? Take(Lane consumer)
        {
            Acquire(consumer);
            try
            {
                // "while", not "if": by the time a woken consumer gets the lock back, another consumer
                // may already have taken the item it was woken for.
                while (_items.Count == 0 && !_closed)
                {
                    _context.Cancellation.ThrowIfCancellationRequested();
                    _sleepers.Add(consumer);
                    consumer.Enter(LaneState.Waiting, "queue not empty");
                    Monitor.Wait(_gate); // lets go of the lock while asleep, takes it back before returning
                    consumer.Enter(LaneState.Running);
                    if (_wokenBy.Remove(consumer, out var by))
                    {
                        consumer.Print($"{consumer.Name} woken by {by.Name}");
                    }
                    else if (!_context.Cancellation.IsCancellationRequested)
                    {
                        _sleepers.Remove(consumer);
                        consumer.Print($"{consumer.Name} woke up, but no pulse named it");
                    }
                }

                if (_items.Count == 0)
                {
                    return null;
                }

                var item = _items.Dequeue();
                consumer.Mark($"take {item}");
                _context.Counter("queue length", _items.Count);
                return item;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        public void Close(Lane closer)
        {
            Acquire(closer);
            try
            {
                _closed = true;
                closer.Mark("closed: PulseAll");
                foreach (var sleeper in _sleepers)
                {
                    _wokenBy[sleeper] = closer;
                    closer.Mark($"pulse → {sleeper.Name}", sleeper);
                }

                _sleepers.Clear();
                Monitor.PulseAll(_gate);
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <summary>Takes the lock, drawing the lane blocked only if another thread holds it.</summary>
        private void Acquire(Lane lane)
        {
            if (Monitor.TryEnter(_gate))
            {
                return;
            }

            lane.Enter(LaneState.Blocked, "queue lock");
            Monitor.Enter(_gate);
            lane.Enter(LaneState.Running);
        }
    }
}
