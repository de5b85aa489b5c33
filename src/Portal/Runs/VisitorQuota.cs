using ConcurrencyLab.Portal.Localization;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Portal.Runs;

/// <summary>
/// Keeps one visitor from taking the machine: at most <see cref="RunsOptions.MaxGoingPerVisitor"/> runs
/// queued or running at once, and <see cref="RunsOptions.MaxPerVisitorPerMinute"/> started a minute.
/// </summary>
public sealed class VisitorQuota(IOptions<RunsOptions> options, TimeProvider clock)
{
    /// <summary>Above this many visitors remembered, those idle for a minute are forgotten.</summary>
    private const int SweepAbove = 1024;

    private readonly Dictionary<string, Usage> _visitors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Admits one more run of <paramref name="visitor"/>; dispose the lease when the run has ended.</summary>
    /// <exception cref="RunRefusedException">The visitor is over a limit; the message says which and what to do.</exception>
    public IDisposable Admit(string visitor)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_visitors.Count > SweepAbove)
            {
                foreach (var (idle, _) in _visitors.Where(v => v.Value.Going == 0 && v.Value.Started.All(t => now - t >= TimeSpan.FromMinutes(1))).ToList())
                {
                    _visitors.Remove(idle);
                }
            }

            var usage = _visitors.TryGetValue(visitor, out var known) ? known : _visitors[visitor] = new Usage();
            while (usage.Started.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromMinutes(1))
            {
                usage.Started.Dequeue();
            }

            if (usage.Going >= limits.MaxGoingPerVisitor)
            {
                throw new RunRefusedException(UiText.TooManyGoing.Format(usage.Going));
            }

            if (usage.Started.Count >= limits.MaxPerVisitorPerMinute)
            {
                throw new RunRefusedException(UiText.TooManyPerMinute.Format(usage.Started.Count));
            }

            usage.Going++;
            usage.Started.Enqueue(now);
            return new Lease(this, visitor);
        }
    }

    private void Release(string visitor)
    {
        lock (_gate)
        {
            var usage = _visitors[visitor];
            if (--usage.Going == 0 && usage.Started.Count == 0)
            {
                _visitors.Remove(visitor);
            }
        }
    }

    private sealed class Usage
    {
        public int Going { get; set; }

        public Queue<DateTimeOffset> Started { get; } = new();
    }

    private sealed class Lease(VisitorQuota quota, string visitor) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                quota.Release(visitor);
            }
        }
    }
}
