using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>
/// A producer and a consumer that hand control to each other by hand, like greenlet's
/// <c>switch()</c>, on one thread. C# has no stack switching, so each side is an iterator that
/// yields "switch to whom, with what", and a tiny trampoline carries out each switch.
/// </summary>
public sealed class ExplicitSwitchDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "explicit-switch",
        new("Switching by hand", "手动切换"),
        new(
            "Producer and consumer take strict turns on one thread; each arrow is one switch(), the only way control moves.",
            "生产者和消费者在同一个线程上严格轮流运行；每个箭头就是一次 switch()，控制权只有这一种转移方式。"),
        [
            new("items", new("Items", "产品数"), 1, 50, 6),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var items = context.Parameters["items"];
        var main = context.Main;
        var thread = EventLoop.Start(context, "the one thread");
        try
        {
            var producer = Coroutine.Start(thread, "producer");
            var consumer = Coroutine.Start(thread, "consumer");
            producer.Body = Produce(producer, consumer, items).GetEnumerator();
            consumer.Body = Consume(consumer, producer).GetEnumerator();

            // Like greenlet's con.switch() in the main program: start by switching to the consumer.
            var starter = thread.StartTask("starter", lane =>
            {
                lane.Enter(LaneState.Waiting, "switched to consumer");
                Coroutine.Run(consumer);
                lane.Enter(LaneState.Running);
                lane.Print("starter: the consumer returned, so control came back here");
                return Task.CompletedTask;
            });

            new[] { starter, consumer.Lane, producer.Lane }.ToList().ForEach(main.Join);
        }
        finally
        {
            thread.Stop();
            main.Join(thread.Lane);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<Switch> Produce(Coroutine me, Coroutine consumer, int items)
    {
        for (var i = 1; i <= items; i++)
        {
            var item = Random.Shared.Next(100);
            me.Lane.Print($"producer: made {item}");
            yield return new Switch(consumer, item); // con.switch(item): hand it over and pause here
        }

        me.Lane.Print("producer: no more items");
        yield return new Switch(consumer, null);
    }

    private static IEnumerable<Switch> Consume(Coroutine me, Coroutine producer)
    {
        while (true)
        {
            yield return new Switch(producer, null); // pro.switch(): go get me an item, pause here
            if (me.Received is not { } item)
            {
                me.Lane.Print("consumer: nothing more to eat, returning");
                yield break;
            }

            me.Lane.Print($"consumer: ate {item}");
        }
    }

    /// <summary>Pass control to <paramref name="To"/>, handing it <paramref name="Value"/>.</summary>
    private readonly record struct Switch(Coroutine To, int? Value);

    /// <summary>A hand-switched coroutine: its lane, its paused body, and the value the last switch handed it.</summary>
    private sealed class Coroutine(Lane lane, TaskCompletionSource ended)
    {
        public Lane Lane => lane;

        public IEnumerator<Switch> Body { get; set; } = Enumerable.Empty<Switch>().GetEnumerator();

        public int? Received { get; private set; }

        private bool HasEnded => ended.Task.IsCompleted;

        public static Coroutine Start(EventLoop thread, string name)
        {
            var ended = new TaskCompletionSource();
            var lane = thread.StartTask(name, lane =>
            {
                lane.Enter(LaneState.Ready, "not switched to yet");
                return ended.Task;
            });
            return new Coroutine(lane, ended);
        }

        /// <summary>
        /// The trampoline. An iterator can only pause back to its caller, so each "switch" comes here
        /// and this loop resumes the target, until some coroutine returns. It never picks who runs: the
        /// coroutines decide that themselves, which is what makes the switching explicit.
        /// </summary>
        public static void Run(Coroutine first)
        {
            var current = first;
            var all = new HashSet<Coroutine>();
            while (true)
            {
                all.Add(current);
                current.Lane.Enter(LaneState.Running);
                if (!current.Body.MoveNext())
                {
                    current.End();
                    break;
                }

                var next = current.Body.Current;
                current.Lane.Enter(LaneState.Ready, "paused in switch()");
                current.Lane.Mark(next.Value is { } v ? $"switch → {next.To.Lane.Name} ({v})" : $"switch → {next.To.Lane.Name}", next.To.Lane);
                next.To.Received = next.Value;
                current = next.To;
            }

            // Whoever is still paused will never be switched to again: close it, like generator.close().
            foreach (var paused in all.Where(c => !c.HasEnded))
            {
                paused.End();
            }
        }

        private void End()
        {
            Body.Dispose();
            ended.TrySetResult();
        }
    }
}
