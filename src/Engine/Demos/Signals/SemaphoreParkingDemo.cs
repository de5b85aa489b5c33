using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Engine.Runtime;

namespace ConcurrencyLab.Engine.Demos.Signals;

/// <summary>
/// A car park with K numbered bays guarded by a <see cref="SemaphoreSlim"/> that starts with K permits,
/// and N cars (real threads). A car that finds no permit waits; a car that leaves releases its permit,
/// and the next car takes the bay it freed.
/// </summary>
public sealed class SemaphoreParkingDemo : IDemo
{
    /// <inheritdoc />
    public DemoInfo Info { get; } = new(
        "semaphore-parking",
        new("A car park guarded by a semaphore", "用信号量管理的停车场"),
        new(
            "Never more cars parked (sleeping) than bays; the others wait in orange until a car leaves, and an arrow shows who got its bay.",
            "同时停着（睡眠）的车永远不超过车位数；其余的车橙色等待，直到有车离开，箭头指向拿到这个车位的车。"),
        [
            new("spaces", new("Parking spaces", "车位数"), 1, 8, 3),
            new("cars", new("Cars", "车辆数"), 1, 16, 8),
            new("park", new("Time parked", "停车时长"), 20, 1000, 200, "ms"),
        ]);

    /// <inheritdoc />
    public Task RunAsync(DemoContext context)
    {
        var spaces = context.Parameters["spaces"];
        var park = TimeSpan.FromMilliseconds(context.Parameters["park"]);
        var carPark = new CarPark(context, spaces);
        context.Main.Print($"the car park opens with {spaces} free spaces");
        context.Counter("free spaces", spaces);

        var cars = new List<Lane>();
        for (var i = 1; i <= context.Parameters["cars"]; i++)
        {
            // Each car drives for a while before it arrives: all arrive within half a parking time,
            // so once the bays are full, the next arrivals find no space.
            var drive = park * Random.Shared.NextDouble() / 2;
            var stay = park * (1 + Random.Shared.NextDouble() / 2);
            cars.Add(context.StartThread($"car {i}", car => carPark.Visit(car, drive, stay)));
        }

        cars.ForEach(context.Main.Join);
        context.Main.Print("every car has come and gone");
        return Task.CompletedTask;
    }

    /// <summary>The bays and the semaphore that counts the free ones.</summary>
    private sealed class CarPark(DemoContext context, int spaces)
    {
        // The semaphore only counts: "is there a free bay?". It does not say WHICH bay, so the list of
        // free bays is shared data and needs its own (short) lock.
        private readonly SemaphoreSlim _free = new(spaces, spaces);
        private readonly Lock _bays = new();
        private readonly Queue<(int Bay, Lane? FreedBy)> _freeBays = new(Enumerable.Range(1, spaces).Select(b => (b, (Lane?)null)));
        private int _waiting;

        public void Visit(Lane car, TimeSpan drive, TimeSpan stay)
        {
            car.Sleep(drive);
            car.Print($"{car.Name} arrives");
            if (!_free.Wait(0))
            {
                // Full: this is the moment the car starts to wait for a permit.
                Count(ref _waiting, +1, "cars waiting");
                car.Enter(LaneState.Waiting, "semaphore");
                _free.Wait(context.Cancellation);
                car.Enter(LaneState.Running);
                Count(ref _waiting, -1, "cars waiting");
            }

            var bay = TakeBay(car);
            car.Sleep(stay);
            LeaveBay(car, bay);
            _free.Release(); // after this, a waiting car may get the permit
        }

        private int TakeBay(Lane car)
        {
            lock (_bays)
            {
                var (bay, freedBy) = _freeBays.Dequeue();
                car.Mark($"parks in bay {bay}");
                car.Print($"{car.Name} parks in bay {bay}" + (freedBy is null ? "" : $", just left by {freedBy.Name}"));
                // The arrow starts at the car that freed this bay and points to the car that got it.
                freedBy?.Mark($"bay {bay} → {car.Name}", car);
                context.Counter("free spaces", _freeBays.Count);
                return bay;
            }
        }

        private void LeaveBay(Lane car, int bay)
        {
            lock (_bays)
            {
                car.Mark($"leaves bay {bay}");
                car.Print($"{car.Name} leaves bay {bay}");
                _freeBays.Enqueue((bay, car));
                context.Counter("free spaces", _freeBays.Count);
            }
        }

        private void Count(ref int value, int change, string name)
        {
            lock (_bays)
            {
                value += change;
                context.Counter(name, value);
            }
        }
    }
}
