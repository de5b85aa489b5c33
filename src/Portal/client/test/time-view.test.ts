import assert from "node:assert/strict";
import { test } from "node:test";
import { ticks, niceStep } from "../src/axis";
import { TimeView } from "../src/time-view";

test("follow mode keeps the newest moment in view until the user zooms or pans", () => {
  const view = new TimeView();
  view.update(1_000);
  assert.deepEqual([view.start, view.end], [0, 1_000]);
  view.zoom(0.5, 500);
  assert.equal(view.follow, false);
  assert.deepEqual([view.start, view.end], [250, 750]);
  view.update(5_000);
  assert.deepEqual([view.start, view.end], [250, 750]);
  view.pan(-1_000);
  assert.equal(view.start, 0);
  view.fit(5_000);
  assert.equal(view.follow, true);
});

test("zooming keeps the moment under the pointer in place", () => {
  const view = new TimeView();
  view.fit(1_000);
  const before = view.toX(300, 100, 800);
  view.zoom(0.25, 300);
  assert.ok(Math.abs(view.toX(300, 100, 800) - before) < 1e-6);
  assert.ok(Math.abs(view.toTime(view.toX(420, 100, 800), 100, 800) - 420) < 1e-6);
});

test("revealing a span outside the view moves the view to it", () => {
  const view = new TimeView();
  view.show(0, 100);
  view.reveal(900, 950);
  assert.ok(view.start <= 900 && view.end >= 950);
});

test("axis steps are 1, 2 or 5 times a power of ten and units follow the span", () => {
  assert.deepEqual([niceStep(3), niceStep(7), niceStep(120), niceStep(1_000)], [5, 10, 200, 1_000]);
  assert.deepEqual(ticks(0, 1_000, 550).map((t) => t.label), ["0 µs", "200 µs", "400 µs", "600 µs", "800 µs", "1000 µs"]);
  assert.equal(ticks(0, 50_000, 550)[1]!.label, "10 ms");
  assert.equal(ticks(0, 5_000_000, 550)[1]!.label, "1 s");
  assert.equal(ticks(1_000, 1_010, 550)[0]!.label, "1000 µs");
});
