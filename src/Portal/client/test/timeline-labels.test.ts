import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutRows } from "../src/lane-layout";
import { LaneModel, RunModel } from "../src/run-model";
import { counterLabel, counterTop, onFoldMark, rowLabel, widestLaneLabel, widestOtherLabel } from "../src/timeline-labels";

/** A context whose font is 7 px a character, as a monospace font is. */
const ctx = { measureText: (text: string) => ({ width: text.length * 7 }) } as unknown as CanvasRenderingContext2D;

test("a live counter's label keeps the column's width while its figure gains digits, and says the true figure", () => {
  const model = new RunModel();
  const widths: number[] = [];
  for (const [t, value] of [[1, 3], [2, 40.25], [3, 512.5], [4, 9_000], [5, 64_000]] as const) {
    model.applyEvent({ k: "counter", t, name: "queue length", value });
    widths.push(widestOtherLabel(ctx, model, "core", "max {0}"));
  }
  assert.deepEqual(new Set(widths).size, 1, `widths ${widths}`);
  assert.equal(counterLabel("queue length", counterTop(model.counters.get("queue length")!), "max {0}"), "queue length (max 64000)");

  // Past five whole digits the room grows with the figure, rather than cut it short; decimals coming and going do not move it.
  model.applyEvent({ k: "counter", t: 6, name: "queue length", value: 343_529.3 });
  const sixDigits = widestOtherLabel(ctx, model, "core", "max {0}");
  assert.equal(sixDigits, widths[0]! + 7);
  model.applyEvent({ k: "counter", t: 7, name: "queue length", value: 435_312 });
  assert.equal(widestOtherLabel(ctx, model, "core", "max {0}"), sixDigits);
});

test("a counter that stays at 0 has a scale topped at 1", () => {
  const model = new RunModel();
  model.applyEvent({ k: "counter", t: 1, name: "n", value: 0 });
  assert.equal(counterTop(model.counters.get("n")!), 1);
});

test("a group's label says whether it is folded, and only its mark folds it on touch", () => {
  const lane = (id: number, kind: "process" | "thread", parent?: number): LaneModel =>
    ({ info: { k: "lane", t: 0, lane: id, kind, name: `P${id}`, pid: id, tid: id, parent }, index: id, spans: [] });
  const lanes = [lane(1, "process"), lane(2, "thread", 1)];
  const [open] = layoutRows(lanes, new Set());
  const [folded] = layoutRows(lanes, new Set([1]));
  assert.deepEqual([rowLabel(open!), rowLabel(folded!)], ["▾ P1 · pid 1", "▸ P1 · pid 1"]);
  assert.equal(rowLabel(layoutRows(lanes, new Set())[1]!), "P2 · tid 2");

  // The mark is drawn from x = 8 and is 14 px wide: a fingertip a little past it still folds, the name does not.
  assert.deepEqual([4, 30, 40].map((x) => onFoldMark(folded!, x, 14)), [true, true, false]);
  // The label column keeps room for either mark.
  assert.equal(widestLaneLabel(ctx, [open!]), widestLaneLabel(ctx, [folded!]));
});
