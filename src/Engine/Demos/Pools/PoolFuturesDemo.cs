using System.Collections.Concurrent;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Pools;

/// <summary>
/// Python's ThreadPoolExecutor in .NET: a pool of a few worker threads takes jobs from a queue, and every
/// submitted job hands back a future (a <see cref="Task{TResult}"/>) at once. The main thread then collects
/// results in one of four styles: all at once (map / WhenAll), as they finish (as_completed / WhenEach),
/// with a time limit (result(timeout) / WaitAsync), or by callback (add_done_callback / ContinueWith).
/// </summary>
public sealed class PoolFuturesDemo : IDemo
{
    /// <summary>Job lengths in milliseconds, deliberately out of order so that finishing order differs from submitting order.</summary>
    private static readonly int[] Lengths = [260, 90, 150, 60, 200, 120, 170, 80];

    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "pool-futures",
        new("A thread pool and its futures", "线程池与 future"),
        new(
            "Jobs wait yellow (ready) in the queue until one of the few workers is free; the console shows in which order main gets the results.",
            "任务先在队列里排队（黄色，就绪），等到有空闲的工作线程才开始；控制台显示主线程按什么顺序拿到结果。"),
        [
            DemoParameter.Choice("style", new("Collect results with", "取结果的方式"),
            [
                new DemoChoice("map", new("WhenAll (like map)", "WhenAll（类似 map）")),
                new DemoChoice("as-completed", new("WhenEach (like as_completed)", "WhenEach（类似 as_completed）")),
                new DemoChoice("timeout", new("WaitAsync(timeout) (like result(timeout))", "WaitAsync(超时)（类似 result(timeout)）")),
                new DemoChoice("callback", new("ContinueWith (like add_done_callback)", "ContinueWith（类似 add_done_callback）")),
            ]),
            new("workers", new("Pool size", "线程池大小"), 1, 8, 2),
            new("jobs", new("Jobs", "任务数"), 1, 16, 6),
            new("timeout", new("Timeout (timeout style)", "超时（超时方式）"), 10, 1000, 100, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var main = context.Main;
        var style = context.Parameters.Choice("style");
        var pool = new Pool(context, context.Parameters["workers"]);

        // submit(): returns a future at once; the job itself waits in the pool's queue for a free worker.
        var futures = new List<Task<int>>();
        for (var id = 1; id <= context.Parameters["jobs"]; id++)
        {
            var (lane, future) = pool.Submit($"job {id}", Lengths[(id - 1) % Lengths.Length]);
            if (style == "callback")
            {
                // add_done_callback(): runs when the job finishes, on the thread that finished it; main never waits for it.
                future.ContinueWith(
                    done => lane.Print($"callback: {lane.Name} returned {done.Result} ms; the callback runs on thread '{Thread.CurrentThread.Name}'"),
                    context.Cancellation, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            futures.Add(future);
        }

        main.Print($"submitted {futures.Count} jobs to a pool of {context.Parameters["workers"]} workers");
        switch (style)
        {
            case "map":
                // map(): one wait for everything; results come back in submission order, whatever order the jobs finished in.
                var all = Await(main, "Task.WhenAll", Task.WhenAll(futures));
                main.Print("WhenAll results, in submission order: " + string.Join(", ", all.Select((ms, i) => $"job {i + 1}={ms} ms")));
                break;

            case "as-completed":
                // as_completed(): hands back each future as soon as it is done, so fast jobs are handled first.
                main.Enter(LaneState.Waiting, "Task.WhenEach");
                foreach (var done in Task.WhenEach(futures).ToBlockingEnumerable(context.Cancellation))
                {
                    main.Enter(LaneState.Running);
                    main.Print($"as completed: job {futures.IndexOf(done) + 1} ({done.Result} ms)");
                    main.Enter(LaneState.Waiting, "Task.WhenEach");
                }

                main.Enter(LaneState.Running);
                break;

            case "timeout":
                // result(timeout): wait for one job, but give up after a while. Giving up does not stop the job.
                var limit = TimeSpan.FromMilliseconds(context.Parameters["timeout"]);
                for (var i = 0; i < futures.Count; i++)
                {
                    try
                    {
                        var ms = Await(main, $"job {i + 1}, at most {limit.TotalMilliseconds} ms", futures[i].WaitAsync(limit, context.Cancellation));
                        main.Print($"job {i + 1}: result {ms} ms");
                    }
                    catch (TimeoutException)
                    {
                        main.Mark($"timeout: job {i + 1}");
                        main.Print($"job {i + 1}: timed out after {limit.TotalMilliseconds} ms, still running in the pool");
                    }
                }

                break;
        }

        // shutdown(wait=True): no more jobs accepted; block until the workers have finished every queued job.
        pool.Shutdown(main);
        main.Print("pool shut down: all workers have ended");
        return Task.CompletedTask;
    }

    /// <summary>Blocks the main thread on a future, drawn as waiting, like Python's future.result().</summary>
    private static T Await<T>(Lane main, string on, Task<T> future)
    {
        main.Enter(LaneState.Waiting, on);
        var result = future.GetAwaiter().GetResult();
        main.Enter(LaneState.Running);
        return result;
    }

    /// <summary>
    /// A fixed-size pool like ThreadPoolExecutor(max_workers): worker threads take jobs from one FIFO queue.
    /// (.NET's own ThreadPool grows and shrinks by itself; a fixed pool makes the queueing easy to see.)
    /// </summary>
    private sealed class Pool
    {
        private readonly BlockingCollection<Job> _queue = [];
        private readonly List<Lane> _workers;
        private readonly DemoContext _context;

        public Pool(DemoContext context, int size)
        {
            _context = context;
            _workers = [.. Enumerable.Range(1, size).Select(n => context.StartThread($"worker {n}", Work))];
        }

        /// <summary>Queues a job and returns its lane and its future: a task that completes with the job's result.</summary>
        public (Lane Lane, Task<int> Future) Submit(string name, int milliseconds)
        {
            // Without RunContinuationsAsynchronously, callbacks run on the worker that sets the result, as in Python.
            var future = new TaskCompletionSource<int>();
            _context.Cancellation.Register(() => future.TrySetCanceled(_context.Cancellation));

            // The job's lane is drawn ready (yellow) from submission until a worker picks it up.
            var queued = new TaskCompletionSource();
            var lane = _context.StartTask(name, lane =>
            {
                lane.Enter(LaneState.Ready, "in the pool's queue");
                _queue.Add(new Job(lane, milliseconds, future));
                queued.SetResult();
                return future.Task;
            });

            // Return only once the job is in the queue, so jobs queue up in the order they were submitted.
            queued.Task.Wait(_context.Cancellation);
            return (lane, future.Task);
        }

        public void Shutdown(Lane main)
        {
            _queue.CompleteAdding();
            _workers.ForEach(main.Join);
        }

        private void Work(Lane worker)
        {
            while (true)
            {
                worker.Enter(LaneState.Waiting, "queue empty");
                if (!_queue.TryTake(out var job, Timeout.Infinite, _context.Cancellation))
                {
                    return; // shut down and nothing left to do
                }

                // The job now runs on this worker's thread: its lane turns green, underlined with this thread.
                worker.Enter(LaneState.Running, job.Lane.Name);
                job.Lane.Enter(LaneState.Running);

                // The job is a blocking call (say, a download); the worker is busy with it all the while.
                worker.Enter(LaneState.Io, job.Lane.Name);
                job.Lane.Enter(LaneState.Io, "download");
                if (_context.Cancellation.WaitHandle.WaitOne(job.Milliseconds))
                {
                    throw new OperationCanceledException(_context.Cancellation);
                }

                job.Lane.Enter(LaneState.Running);
                job.Lane.Mark("result ready");
                job.Future.TrySetResult(job.Milliseconds);
            }
        }
    }

    private sealed record Job(Lane Lane, int Milliseconds, TaskCompletionSource<int> Future);
}
