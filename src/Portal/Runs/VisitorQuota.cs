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
                foreach (var (idle, _) in _visitors.Where(v => v.Value.Idle(now)).ToList())
                {
                    _visitors.Remove(idle);
                }
            }

            var usage = _visitors.TryGetValue(visitor, out var known) ? known : _visitors[visitor] = new Usage();
            usage.Forget(now);

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
            usage.Going--;
            if (usage.Idle(clock.GetUtcNow()))
            {
                _visitors.Remove(visitor);
            }
        }
    }

    private sealed class Usage
    {
        public int Going { get; set; }

        /// <summary>When each run of the last minute started, oldest first.</summary>
        public Queue<DateTimeOffset> Started { get; } = new();

        /// <summary>True once nothing is going and nothing started within the minute before <paramref name="now"/>.</summary>
        public bool Idle(DateTimeOffset now)
        {
            Forget(now);
            return Going == 0 && Started.Count == 0;
        }

        /// <summary>Drops the starts more than a minute before <paramref name="now"/>.</summary>
        public void Forget(DateTimeOffset now)
        {
            while (Started.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromMinutes(1))
            {
                Started.Dequeue();
            }
        }
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
