using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConcurrencyLab.Engine.Events;
using ConcurrencyLab.Portal.Data;
using ConcurrencyLab.Portal.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConcurrencyLab.Bench;

/// <summary>
/// Section 5: writing runs to SQLite while they run. The portal encodes each chunk of a run's events
/// (JSON, Brotli) and hands it to <see cref="RunStore"/>, one writer that commits whatever is queued in one
/// transaction. The bare limits, measured in the same run on the same file system: JSON alone for the
/// encoding, and plain INSERTs of the same bytes through one connection, one commit per chunk, for the writing.
/// </summary>
internal static class Recording
{
    private const int Rounds = 3;

    public static Section Measure() => MeasureAsync().GetAwaiter().GetResult();

    private static async Task<Section> MeasureAsync()
    {
        var table = new Table("What", "Events", "Median", "Bare", "Bare median (same run)", "vs bare");
        var big = Events(4096);
        var small = Events(64);

        var encode = new Samples();
        var json = new Samples();
        for (var round = 0; round < Rounds * 10; round++)
        {
            encode.Add(Time(() => EventChunks.Encode(big)));
            json.Add(Time(() => JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<RunEvent>>(big, EventJson.Options)));
        }

        var bytes = EventChunks.Encode(big).Length;
        table.Add($"Encode a chunk of 4,096 events (JSON + Brotli: {Format.Count(bytes)} bytes, {Ratio(JsonSerializer.SerializeToUtf8Bytes<IReadOnlyList<RunEvent>>(big, EventJson.Options).Length, bytes)} smaller)",
            Format.Count(big.Count), Rate(big.Count, encode.Median), "JSON alone", Rate(big.Count, json.Median), Format.Ratio(json.Median / encode.Median));

        foreach (var (runs, chunks, chunk, label) in new[] { (1, 50, big, "1 run, chunks of 4,096 events"), (20, 40, small, "20 runs at once, chunks of 64 events") })
        {
            var store = new Samples();
            var bare = new Samples();
            for (var round = 0; round < Rounds; round++)
            {
                store.Add(await StoreAsync(runs, chunks, chunk));
                bare.Add(await BareAsync(runs, chunks, chunk));
            }

            var events = runs * chunks * chunk.Count;
            table.Add($"Store {label} ({Format.Count(runs * chunks)} chunks)", Format.Count(events), Rate(events, store.Median),
                "INSERT, one commit per chunk", Rate(events, bare.Median), Format.Ratio(bare.Median / store.Median));
        }

        return new Section("Recording runs in SQLite", table, Notes, []);
    }

    private const string Notes = "A running run's events are written at least every `RecordInterval` (250 ms) as one chunk: the events that came in that time, at most 4,096. *Encode* is the recorder's own work per chunk (JSON, then Brotli at its fastest level); *JSON alone* is the floor of writing the events down at all. *Store* sends every chunk through `RunStore` in a fresh database file (migrated, WAL, the portal's settings): each run appends its chunks one after another, awaiting each, as the recorder does, and all runs go at once; the clock stops when the last chunk is committed. *INSERT, one commit per chunk* writes the same bytes with plain prepared INSERTs on one connection, committing each chunk: what each run writing on its own would cost at best, without the contention. SQLite commits with a sync of the write-ahead log (`synchronous=FULL`), so a commit costs about one flush of the disk. With one run, every chunk waits for its own commit and pays the store's own way there besides (a hop to the writer, a transaction, two statements through EF Core's raw SQL), so the bare loop is faster; with twenty runs the store puts every chunk that is waiting into one commit and passes the bare loop, which must commit each. Either way the store takes events far faster than a run may make them: a run logs at most `RunLimits.MaxEvents` (1,000,000) events, and a demo that prints a line every millisecond makes 1,000 a second. Medians of three rounds; the cases take turns.";

    private static async Task<double> StoreAsync(int runs, int chunks, IReadOnlyList<RunEvent> chunk)
    {
        var data = EventChunks.Encode(chunk);
        return await WithDatabaseAsync(async (factory, _) =>
        {
            await using var store = new RunStore(factory, NullLogger<RunStore>.Instance);
            var ids = Enumerable.Range(0, runs).Select(i => $"run{i:D4}").ToList();
            await Task.WhenAll(ids.Select(id => store.CreateAsync(NewRun(id))));
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(ids.Select(async id =>
            {
                for (var i = 0; i < chunks; i++)
                {
                    var written = new RunChunk { RunId = id, First = i * chunk.Count, Count = chunk.Count, Encoding = EventChunks.Brotli, Data = data };
                    await store.AppendAsync(written, RunStatus.Started, chunk[^1].T);
                }
            }));
            return clock.Elapsed.TotalMicroseconds;
        });
    }

    private static async Task<double> BareAsync(int runs, int chunks, IReadOnlyList<RunEvent> chunk)
    {
        var data = EventChunks.Encode(chunk);
        return await WithDatabaseAsync(async (_, path) =>
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using (var rows = connection.CreateCommand())
            {
                rows.CommandText = """INSERT INTO "Runs" ("Id", "DemoId", "ParametersJson", "Status", "CreatedUtc", "DurationMicros", "EventCount", "StoredBytes") VALUES ($id, 'bench', '{}', 'started', '2026-01-01', 0, 0, 0)""";
                var id = rows.Parameters.Add("$id", SqliteType.Text);
                for (var r = 0; r < runs; r++)
                {
                    id.Value = $"run{r:D4}";
                    await rows.ExecuteNonQueryAsync();
                }
            }

            await using var insert = connection.CreateCommand();
            insert.CommandText = """INSERT INTO "RunChunks" ("RunId", "First", "Count", "Encoding", "Data") VALUES ($run, $first, $count, 'br', $data)""";
            var run = insert.Parameters.Add("$run", SqliteType.Text);
            var first = insert.Parameters.Add("$first", SqliteType.Integer);
            insert.Parameters.AddWithValue("$count", chunk.Count);
            insert.Parameters.AddWithValue("$data", data);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < chunks; i++)
            {
                for (var r = 0; r < runs; r++)
                {
                    await using var transaction = await connection.BeginTransactionAsync();
                    insert.Transaction = (SqliteTransaction)transaction;
                    run.Value = $"run{r:D4}";
                    first.Value = i * chunk.Count;
                    await insert.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }
            }

            return clock.Elapsed.TotalMicroseconds;
        });
    }

    private static async Task<double> WithDatabaseAsync(Func<IDbContextFactory<PortalDbContext>, string, Task<double>> measure)
    {
        var directory = Directory.CreateTempSubdirectory("concurrency-lab-bench-");
        try
        {
            var path = Path.Combine(directory.FullName, "portal.db");
            var factory = new Databases(new DbContextOptionsBuilder<PortalDbContext>()
                .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString()).Options);
            await using (var db = factory.CreateDbContext())
            {
                await db.PrepareAsync();
            }

            return await measure(factory, path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static StoredRun NewRun(string id) => new()
    {
        Id = id, DemoId = "bench", ParametersJson = "{}", Status = "started", CreatedUtc = DateTime.UtcNow,
    };

    /// <summary>Events as a four-thread demo makes them: states, cores, output lines.</summary>
    private static List<RunEvent> Events(int count)
    {
        var events = new List<RunEvent>(count);
        for (var i = 0; events.Count < count; i++)
        {
            var lane = 1 + (i % 4);
            var t = 1_000L + i * 37;
            events.Add((i % 4) switch
            {
                0 => new StateEvent(t, lane, LaneState.Running),
                1 => new CpuEvent(t, lane, i % 2),
                2 => new OutputEvent(t, lane, $"T{lane} line {i}/4096: managed id {20 + lane}, OS tid {11440 + lane}"),
                _ => new StateEvent(t, lane, LaneState.Blocked, "lockA"),
            });
        }

        return events;
    }

    private static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static string Rate(int events, double micros) => Format.Rate(events / (micros / 1e6)) + " events";

    private static string Ratio(int before, int after) => (before / (double)after).ToString("0.0", CultureInfo.InvariantCulture) + "×";

    private sealed class Databases(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }
}
