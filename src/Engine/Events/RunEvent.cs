using System.Text.Json.Serialization;

namespace ConcurrencyLab.Engine.Events;

/// <summary>
/// One entry of a run's append-only log. <see cref="T"/> is microseconds since the run started,
/// on the monotonic clock. The sequence number of an event is its position in the log.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(LaneEvent), "lane")]
[JsonDerivedType(typeof(StateEvent), "state")]
[JsonDerivedType(typeof(OutputEvent), "out")]
[JsonDerivedType(typeof(MarkEvent), "mark")]
[JsonDerivedType(typeof(CounterEvent), "counter")]
[JsonDerivedType(typeof(CpuEvent), "cpu")]
[JsonDerivedType(typeof(RunStatusEvent), "run")]
public abstract record RunEvent(long T);
