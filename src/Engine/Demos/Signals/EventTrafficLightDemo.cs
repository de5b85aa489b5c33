using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Signals;

/// <summary>
/// A traffic light thread turns a <see cref="ManualResetEventSlim"/> on (green: Set) and off (red: Reset)
/// on a cycle. Car threads arrive at random times and Wait on it: on red they wait, on green they pass.
/// One Set wakes every waiting car at once.
/// </summary>
public sealed class EventTrafficLightDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "event-traffic-light",
        new("A traffic light made of an event", "用事件做的红绿灯"),
        new(
            "Cars that reach a red light wait (orange); the light's \"green\" mark fans out arrows to every waiting car, and all of them pass together.",
            "遇到红灯的车进入等待（橙色）；红绿灯的“绿灯”标记向每辆等待的车画出箭头，它们一起通过。"),
        [
            new("cars", new("Cars", "车辆数"), 1, 16, 8),
            new("green", new("Green phase", "绿灯时长"), 20, 1000, 150, "ms"),
            new("red", new("Red phase", "红灯时长"), 20, 1000, 250, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var count = context.Parameters["cars"];
        var green = TimeSpan.FromMilliseconds(context.Parameters["green"]);
        var red = TimeSpan.FromMilliseconds(context.Parameters["red"]);
        var junction = new Junction(context, count);

        var light = context.StartThread("light", lane => junction.RunLight(lane, green, red));
        var cars = new List<Lane>();
        for (var i = 1; i <= count; i++)
        {
            // Cars arrive spread over two light cycles, so some meet red and some meet green.
            var drive = (green + red) * 2 * Random.Shared.NextDouble();
            cars.Add(context.StartThread($"car {i}", car => junction.Cross(car, drive)));
        }

        cars.ForEach(context.Main.Join);
        context.Main.Join(light);
        return Task.CompletedTask;
    }

    private sealed class Junction(DemoContext context, int cars)
    {
        // The event is the light: set = green, reset = red. It starts red.
        private readonly ManualResetEventSlim _green = new(initialState: false);

        // An event only signals; it does not stop the light changing while a car is half-way through.
        // Cars look at the light and drive over the line under this lock, and the light changes under it
        // too, so "passes" can never be stamped after "red".
        private readonly Lock _stopLine = new();
        private readonly List<Lane> _waiting = [];
        private int _passed;

        public void RunLight(Lane light, TimeSpan green, TimeSpan red)
        {
            while (Volatile.Read(ref _passed) < cars)
            {
                light.Sleep(red);
                lock (_stopLine)
                {
                    _green.Set();
                    light.Mark("green (Set)");
                    // Set wakes every thread that waits on the event: draw an arrow to each.
                    _waiting.ForEach(car => light.Mark($"wakes {car.Name}", car));
                }

                light.Sleep(green);
                lock (_stopLine)
                {
                    _green.Reset();
                    light.Mark("red (Reset)");
                }
            }

            light.Print("every car has passed; the light switches off");
        }

        public void Cross(Lane car, TimeSpan drive)
        {
            car.Sleep(drive);
            while (true)
            {
                lock (_stopLine)
                {
                    if (_green.IsSet)
                    {
                        _waiting.Remove(car);
                        car.Mark("passes");
                        car.Print($"{car.Name} passes on green");
                        Interlocked.Increment(ref _passed);
                        return;
                    }

                    if (!_waiting.Contains(car))
                    {
                        _waiting.Add(car);
                        car.Print($"{car.Name} stops at red");
                    }
                }

                car.Enter(LaneState.Waiting, "green light");
                _green.Wait(context.Cancellation);
                car.Enter(LaneState.Running);
            }
        }
    }
}
