using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Coroutines;

/// <summary>
/// A lazy pipeline of C# iterators (Python generators): an endless source of numbers, a filter that
/// keeps the odd ones, a map that squares them, and a sink that takes the first few. One thread runs
/// it all; each stage runs only when the stage after it asks for its next item.
/// </summary>
public sealed class GeneratorPipelineDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "generator-pipeline",
        new("A lazy generator pipeline", "惰性的生成器流水线"),
        new(
            "Only one stage is green at any moment, all on one thread: the sink pulls, and control runs up to the source and back, one item at a time.",
            "任何时刻只有一个阶段是绿色的，而且都在同一个线程上：汇点拉取数据，控制权一路传到源头再传回来，一次只处理一个元素。"),
        [
            new("take", new("Results the sink takes", "汇点要取的结果数"), 1, 50, 5),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var take = context.Parameters["take"];
        var main = context.Main;

        // One thread runs every stage; each stage only gets a lane of its own so we can watch it.
        var thread = EventLoop.Start(context, "pipeline thread");
        try
        {
            var source = Stage.Start(thread, "source");
            var filter = Stage.Start(thread, "filter");
            var map = Stage.Start(thread, "map");
            var sink = thread.StartTask("sink", lane =>
            {
                // Building the chain runs none of it: each call only creates a paused generator.
                var numbers = Stage.Pull(source, Naturals(source.Lane), by: filter.Lane);
                var odds = Stage.Pull(filter, OddOnly(filter.Lane, numbers), by: map.Lane);
                var squares = Stage.Pull(map, Squares(map.Lane, odds), by: lane);
                lane.Print("sink: pipeline built, nothing has run yet");

                // The sink drives everything: each MoveNext of its foreach pulls one item through.
                var got = 0;
                foreach (var square in squares)
                {
                    lane.Print($"sink: got {square}");
                    if (++got == take)
                    {
                        break; // leaving the loop disposes the chain; the endless source just stops
                    }
                }

                return Task.CompletedTask;
            });

            new[] { sink, map.Lane, filter.Lane, source.Lane }.ToList().ForEach(main.Join);
        }
        finally
        {
            thread.Stop();
            main.Join(thread.Lane);
        }

        return Task.CompletedTask;
    }

    /// <summary>An endless generator: it is only safe because nobody asks it for everything.</summary>
    private static IEnumerable<int> Naturals(Lane lane)
    {
        for (var n = 1; ; n++)
        {
            lane.Print($"source: yield {n}");
            yield return n; // pause here; resume on the next MoveNext
        }
    }

    private static IEnumerable<int> OddOnly(Lane lane, IEnumerable<int> numbers)
    {
        foreach (var n in numbers)
        {
            if (n % 2 == 1)
            {
                lane.Print($"filter: keep {n}");
                yield return n;
            }
            else
            {
                lane.Print($"filter: drop {n}");
            }
        }
    }

    private static IEnumerable<int> Squares(Lane lane, IEnumerable<int> numbers)
    {
        foreach (var n in numbers)
        {
            lane.Print($"map: {n} squared is {n * n}");
            yield return n * n;
        }
    }

    /// <summary>
    /// A stage's lane. It runs no code of its own: whoever pulls the stage's generator draws the
    /// hand-over (the caller waits, the stage runs, the stage pauses at its yield, the caller goes on).
    /// </summary>
    private sealed record Stage(Lane Lane, TaskCompletionSource Used)
    {
        public static Stage Start(EventLoop thread, string name)
        {
            var used = new TaskCompletionSource();
            var lane = thread.StartTask(name, lane =>
            {
                lane.Enter(LaneState.Ready, "not pulled yet");
                return used.Task; // the lane ends when its generator is used up or disposed
            });
            return new Stage(lane, used);
        }

        /// <summary>The same items as <paramref name="generator"/>, drawn as <paramref name="by"/> pulling them from <paramref name="stage"/>.</summary>
        public static IEnumerable<int> Pull(Stage stage, IEnumerable<int> generator, Lane by)
        {
            try
            {
                using var items = generator.GetEnumerator();
                while (true)
                {
                    by.Enter(LaneState.Waiting, $"next() on {stage.Lane.Name}");
                    stage.Lane.Enter(LaneState.Running);
                    if (!items.MoveNext())
                    {
                        by.Enter(LaneState.Running);
                        yield break;
                    }

                    stage.Lane.Enter(LaneState.Ready, "paused at yield");
                    stage.Lane.Mark($"yield {items.Current}", by);
                    by.Enter(LaneState.Running);
                    yield return items.Current;
                }
            }
            finally
            {
                stage.Used.TrySetResult();
            }
        }
    }
}
