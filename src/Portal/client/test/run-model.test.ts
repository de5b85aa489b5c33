import assert from "node:assert/strict";
import { test } from "node:test";
import { EventBatch, RunEvent } from "../src/events";
import { RunModel } from "../src/run-model";

const events: RunEvent[] = [
  { k: "run", t: 0, status: "started" },
  { k: "lane", t: 10, lane: 1, kind: "thread", name: "T1", pid: 100, tid: 101 },
  { k: "state", t: 10, lane: 1, state: "running", inferred: false },
  { k: "cpu", t: 11, lane: 1, core: 1 },
  { k: "state", t: 50, lane: 1, state: "blocked", on: "lockA", inferred: false },
  { k: "out", t: 60, lane: 1, text: "<script>x</script>", stream: "stdout" },
  { k: "state", t: 90, lane: 1, state: "done", inferred: false },
  { k: "counter", t: 95, name: "n", value: 3 },
];

test("state events become spans that end at the next state, with the core of a running span", () => {
  const model = new RunModel();
  model.apply({ first: 0, events });
  const spans = model.lanes.get(1)!.spans;
  assert.deepEqual(spans.map((s) => [s.state, s.start, s.end]), [["running", 10, 50], ["blocked", 50, 90]]);
  assert.equal(spans[0]!.core, 1);
  assert.equal(spans[1]!.on, "lockA");
  assert.equal(model.maxCore, 1);
  assert.deepEqual(model.counters.get("n"), { samples: [{ t: 95, value: 3 }], max: 3 });
});

test("a counter keeps its highest value as samples come, in any order", () => {
  const model = new RunModel();
  for (const [t, value] of [[30, 7], [10, 2], [20, 12], [40, 0]] as const) model.applyEvent({ k: "counter", t, name: "queue", value });
  assert.equal(model.counters.get("queue")!.max, 12);
  assert.equal(model.counters.get("queue")!.samples.length, 4);
});

test("a batch seen before is applied once, and a gap is an error", () => {
  const model = new RunModel();
  const first: EventBatch = { first: 0, events: events.slice(0, 4) };
  model.apply(first);
  model.apply(first);
  const added = model.apply({ first: 2, events: events.slice(2) });
  assert.equal(model.nextSeq, events.length);
  assert.equal(added.length, 1);
  assert.equal(model.output.length, 1);
  assert.throws(() => model.apply({ first: events.length + 5, events: events.slice(0, 1) }));
});

test("an open span reaches the newest moment and task slices keep their thread", () => {
  const model = new RunModel();
  model.apply({ first: 0, events: [
    { k: "lane", t: 0, lane: 2, kind: "task", name: "task 1", pid: 100 },
    { k: "state", t: 5, lane: 2, state: "running", inferred: false, tid: 7 },
    { k: "counter", t: 40, name: "q", value: 1 },
  ] });
  const span = model.lanes.get(2)!.spans[0]!;
  assert.equal(span.end, null);
  assert.equal(span.tid, 7);
  assert.equal(model.now, 40);
});
