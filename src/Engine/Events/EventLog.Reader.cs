using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Engine.Events;

public sealed partial class EventLog
{
    /// <summary>What <see cref="ReadAsync"/> returns: each enumeration is one reader with its own cursor.</summary>
    private sealed class Reading(EventLog log, int from, int maxBatch, TimeSpan flushDelay, CancellationToken cancellationToken)
        : IAsyncEnumerable<EventBatch>
    {
        public IAsyncEnumerator<EventBatch> GetAsyncEnumerator(CancellationToken cancellationToken2 = default) =>
            new Reader(log, from, maxBatch, flushDelay, cancellationToken, cancellationToken2);
    }

    /// <summary>
    /// One reader. A batch it already knows of comes back at once, without a task or a state machine: a reader
    /// that is behind costs little more per batch than a cursor does. Only waiting (for events, or out a flush
    /// delay) goes async.
    /// </summary>
    private sealed class Reader : IAsyncEnumerator<EventBatch>
    {
        private readonly EventLog _log;
        private readonly int _maxBatch;
        private readonly TimeSpan _flushDelay;
        private readonly CancellationTokenSource? _linked;
        private readonly CancellationToken _cancellation;
        private int _cursor;

        /// <summary>What this reader last learned of the log: from its wake-up, or from looking.</summary>
        private LogState _known;

        public Reader(EventLog log, int from, int maxBatch, TimeSpan flushDelay, CancellationToken first, CancellationToken second)
        {
            (_log, _cursor, _maxBatch, _flushDelay) = (log, from, maxBatch, flushDelay);
            _known = new LogState(from, Completed: false);
            if (first.CanBeCanceled && second.CanBeCanceled)
            {
                _linked = CancellationTokenSource.CreateLinkedTokenSource(first, second);
            }

            _cancellation = _linked?.Token ?? (first.CanBeCanceled ? first : second);
        }

        public EventBatch Current { get; private set; }

        public ValueTask<bool> MoveNextAsync() => Look() switch
        {
            Step.Took => new ValueTask<bool>(true),
            Step.End => new ValueTask<bool>(false),
            var step => MoveNextLaterAsync(step),
        };

        public ValueTask DisposeAsync()
        {
            _linked?.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>Takes the next batch if it may go now; otherwise says what to wait for.</summary>
        private Step Look()
        {
            // The count and the completed flag share a cache line with the writer, whom every look at them
            // costs a cache miss on its next append. So a reader on the pump goes by what its wake-up told it,
            // and one elsewhere looks only when what it knows of cannot fill a batch.
            if (_known.Count - _cursor < _maxBatch && !_log.OnPump)
            {
                _known = _log.State;
            }

            if (_known.Count <= _cursor)
            {
                return _known.Completed ? Step.End : Step.MoreEvents;
            }

            if (_known.Count - _cursor < _maxBatch && !_known.Completed && _flushDelay > TimeSpan.Zero)
            {
                return Step.FlushDelay;
            }

            Take();
            return Step.Took;
        }

        private void Take()
        {
            Current = _log.Batch(_cursor, _known.Count, _maxBatch);
            _cursor = (int)Current.First + Current.Events.Count;
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<bool> MoveNextLaterAsync(Step step)
        {
            while (true)
            {
                switch (step)
                {
                    case Step.FlushDelay:
                        await Task.Delay(_flushDelay, _cancellation).ConfigureAwait(false);
                        await _log.ResumeOnPumpAsync().WaitAsync(_cancellation).ConfigureAwait(false);
                        _known = _log.State;
                        Take();
                        return true;
                    case Step.MoreEvents:
                        _known = await _log.WaitAsync(_cursor).WaitAsync(_cancellation).ConfigureAwait(false);
                        break;
                    default:
                        return step == Step.Took;
                }

                step = Look();
            }
        }

        private enum Step
        {
            Took,
            End,
            MoreEvents,
            FlushDelay,
        }
    }
}
