import assert from "node:assert/strict";
import { test } from "node:test";
import { spanAt, stepSpan } from "../src/hit-test";
import { layoutRows } from "../src/lane-layout";
import { LaneModel } from "../src/run-model";
import { TimeView } from "../src/time-view";

function lane(id: number, kind: "process" | "thread" | "task", parent?: number): LaneModel {
  return { info: { k: "lane", t: 0, lane: id, kind, name: `L${id}`, pid: 1, parent }, index: id, spans: [] };
}

test("lanes inside a process, and tasks under their thread, are listed right under them; collapsing hides them", () => {
  const lanes = [lane(1, "thread"), lane(2, "process", 1), lane(3, "process", 1), lane(4, "thread", 2), lane(5, "thread", 3), lane(6, "task", 4)];
  const order = (collapsed: number[]) => layoutRows(lanes, new Set(collapsed)).map((r) => `${r.lane.info.lane}@${r.depth}`);
  assert.deepEqual(order([]), ["1@0", "2@0", "4@1", "6@2", "3@0", "5@1"]);
  assert.deepEqual(order([2]), ["1@0", "2@0", "3@0", "5@1"]);
  assert.deepEqual(order([4]), ["1@0", "2@0", "4@1", "3@0", "5@1"]);
  assert.equal(layoutRows(lanes, new Set()).find((r) => r.lane.info.lane === 2)!.children, 1);
  const folded = (collapsed: number[]) => layoutRows(lanes, new Set(collapsed)).filter((r) => r.folded).map((r) => r.lane.info.lane);
  assert.deepEqual(folded([2, 5]), [2]); // a lane that holds none has nothing to fold
});

test("hit testing finds the span under the pointer, and arrow keys step through a lane", () => {
  const t1 = lane(1, "thread");
  t1.spans = [
    { state: "running", start: 0, end: 100, inferred: false },
    { state: "sleeping", start: 100, end: null, inferred: false },
  ];
  const view = new TimeView();
  view.fit(200);
  const g = { top: 28, rowHeight: 26, left: 180, width: 400 };
  assert.equal(spanAt([{ lane: t1, depth: 0, children: 0, folded: false }], view, 200, g, 180 + 100, 40)?.span.state, "running");
  assert.equal(spanAt([{ lane: t1, depth: 0, children: 0, folded: false }], view, 200, g, 180 + 300, 40)?.span.state, "sleeping");
  assert.equal(spanAt([{ lane: t1, depth: 0, children: 0, folded: false }], view, 200, g, 100, 40), null);
  assert.equal(spanAt([{ lane: t1, depth: 0, children: 0, folded: false }], view, 200, g, 300, 90), null);
  assert.equal(stepSpan(t1.spans, null, 1), t1.spans[0]);
  assert.equal(stepSpan(t1.spans, t1.spans[0]!, 1), t1.spans[1]);
  assert.equal(stepSpan(t1.spans, t1.spans[1]!, 1), t1.spans[1]);
});

test("hit testing a long lane finds the span under the pointer among 100,000", () => {
  const long = lane(1, "thread");
  for (let i = 0; i < 100_000; i++) long.spans.push({ state: i % 2 ? "sleeping" : "running", start: i * 10, end: (i + 1) * 10, inferred: false });
  const view = new TimeView();
  view.show(500_000, 500_100); // ten spans across 1,000 pixels
  const g = { top: 28, rowHeight: 26, left: 180, width: 1000 };
  assert.equal(spanAt([{ lane: long, depth: 0, children: 0, folded: false }], view, 1_000_000, g, 180 + 550, 40)?.span, long.spans[50_005]);
});
