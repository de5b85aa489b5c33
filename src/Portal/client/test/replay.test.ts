import assert from "node:assert/strict";
import { test } from "node:test";
import { RunEvent } from "../src/events";
import { Replay } from "../src/replay";
import { RunModel } from "../src/run-model";

// As a log holds them: the child's line (t 40) reached the log after the parent's (t 45).
const events: RunEvent[] = [
  { k: "run", t: 0, status: "started" },
  { k: "lane", t: 5, lane: 1, kind: "thread", name: "T1", pid: 100, tid: 101 },
  { k: "state", t: 5, lane: 1, state: "running", inferred: false },
  { k: "out", t: 45, lane: 1, text: "second", stream: "stdout" },
  { k: "out", t: 40, lane: 1, text: "first", stream: "stdout" },
  { k: "state", t: 50, lane: 1, state: "sleeping", inferred: false },
  { k: "state", t: 90, lane: 1, state: "done", inferred: false },
  { k: "run", t: 100, status: "completed" },
];

test("a replay at a moment shows what had happened by then, in time order", () => {
  const replay = new Replay(events);
  assert.equal(replay.duration, 100);

  const { rebuilt, lines } = replay.seek(42);

  assert.equal(rebuilt, false);
  assert.deepEqual(lines.map((l) => l.text), ["first"]);
  assert.equal(replay.model.now, 42);
  assert.deepEqual(replay.model.lanes.get(1)!.spans.map((s) => [s.state, s.start, s.end]), [["running", 5, null]]);
  assert.equal(replay.model.finished, false);
});

test("moving forward adds only what lies between; moving back starts again", () => {
  const replay = new Replay(events);
  replay.seek(42);

  const forward = replay.seek(60);
  assert.equal(forward.rebuilt, false);
  assert.deepEqual(forward.lines.map((l) => l.text), ["second"]);

  const back = replay.seek(10);
  assert.equal(back.rebuilt, true);
  assert.equal(replay.model.output.length, 0);
});

test("at its end the replay equals the live model of the same events", () => {
  const replay = new Replay(events);
  replay.seek(1e9);
  const live = new RunModel();
  live.apply({ first: 0, events });

  assert.equal(replay.cursor, 100);
  assert.equal(replay.model.finished, true);
  assert.deepEqual(replay.model.lanes.get(1)!.spans, live.lanes.get(1)!.spans);
  assert.deepEqual(replay.model.output.map((l) => l.text), ["first", "second"]);
});
