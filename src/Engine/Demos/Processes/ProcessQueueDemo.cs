using System.Globalization;
using System.Text;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;
using ConcurrencyLab.Engine.Workers;

namespace ConcurrencyLab.Engine.Demos.Processes;

/// <summary>
/// A writer process puts items into a queue and a reader process gets them. Neither can see the other's
/// memory, so the queue is a buffer in the parent with a pipe on each side: a feeder thread moves what the
/// writer sends into the buffer, and each "get" from the reader is answered with the oldest item, or waits
/// while the buffer is empty. That is the shape of Python's multiprocessing.Queue: pipes, a lock, a feeder thread.
/// </summary>
public sealed class ProcessQueueDemo : IProcessDemo
{
    private const string WriterRole = "writer";
    private const string ReaderRole = "reader";
    private const string QueueLength = "queue length";

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "process-queue",
        new("A queue between two processes", "两个进程之间的队列"),
        new(
            "Watch the queue length: when it is 0 the reader process sits waiting in queue.get(); when the writer is faster it grows.",
            "盯住“queue length”计数：为 0 时读进程停在 queue.get() 上等待；写进程更快时，队列就越排越长。"),
        [
            new("items", new("Items", "条目数"), 1, 30, 8),
            new("put", new("Writer: time per item", "写进程：每条耗时"), 0, 500, 100, "ms"),
            new("get", new("Reader: time per item", "读进程：每条耗时"), 0, 500, 40, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var writer = context.StartProcess("writer", WriterRole);
        var reader = context.StartProcess("reader", ReaderRole);
        var queue = new Queue<string>();
        var gate = new object();
        var writerDone = false;
        context.Counter(QueueLength, 0);

        // put(): the feeder thread reads the writer's pipe and appends to the buffer under the lock.
        var feeder = context.StartThread("feeder", lane =>
        {
            while (writer.ReadLine(lane) is { } line)
            {
                if (line.StartsWith("put ", StringComparison.Ordinal))
                {
                    lock (gate)
                    {
                        queue.Enqueue(line["put ".Length..]);
                        context.Counter(QueueLength, queue.Count);
                        Monitor.PulseAll(gate);
                    }
                }
            }

            lock (gate)
            {
                writerDone = true;
                Monitor.PulseAll(gate);
            }
        });

        // get(): each request from the reader takes the oldest item, waiting while there is none.
        while (reader.ReadLine(main) is { } request)
        {
            if (request == "get")
            {
                reader.WriteLine(Take(context, main, queue, gate, () => writerDone) is { } item ? "item " + item : "end");
            }
        }

        main.Join(feeder);
        main.Print($"parent: writer exited with code {writer.WaitForExit(main)}, reader with code {reader.WaitForExit(main)}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> RunChildAsync(DemoContext context, string role, IReadOnlyList<string> arguments) =>
        Task.FromResult(role == WriterRole ? Write(context) : Read(context));

    /// <summary>Removes the oldest item; null once the writer is done and the queue is empty.</summary>
    private static string? Take(DemoContext context, Lane lane, Queue<string> queue, object gate, Func<bool> writerDone)
    {
        lock (gate)
        {
            var waited = false;
            while (queue.Count == 0 && !writerDone())
            {
                if (!waited)
                {
                    lane.Enter(LaneState.Waiting, "queue empty");
                    waited = true;
                }

                Monitor.Wait(gate, TimeSpan.FromMilliseconds(100)); // a put wakes it at once; the timeout only checks for a stopped run
                context.Cancellation.ThrowIfCancellationRequested();
            }

            if (waited)
            {
                lane.Enter(LaneState.Running);
            }

            if (queue.Count == 0)
            {
                return null;
            }

            var item = queue.Dequeue();
            context.Counter(QueueLength, queue.Count);
            return item;
        }
    }

    private static int Write(DemoContext context)
    {
        var main = context.Main;
        var items = context.Parameters["items"];
        for (var i = 1; i <= items; i++)
        {
            main.Sleep(TimeSpan.FromMilliseconds(context.Parameters["put"])); // making the item
            Console.WriteLine($"put item-{i.ToString(CultureInfo.InvariantCulture)}");
        }

        return 0; // exiting closes the pipe: the parent sees that no more items will come
    }

    private static int Read(DemoContext context)
    {
        var main = context.Main;
        using var replies = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var count = 0;
        while (true)
        {
            Console.WriteLine("get");
            main.Enter(LaneState.Waiting, "queue.get()"); // blocked on the pipe until the parent has an item
            var reply = replies.ReadLine();
            main.Enter(LaneState.Running);
            if (reply is null or "end")
            {
                break;
            }

            count++;
            main.Print($"reader: got {reply["item ".Length..]}");
            main.Sleep(TimeSpan.FromMilliseconds(context.Parameters["get"])); // using the item
        }

        main.Print($"reader: queue closed after {count} items");
        return 0;
    }
}
