import assert from "node:assert/strict";
import { test } from "node:test";
import { Bar, firstVisible, laneBars as emitBars } from "../src/lane-bars";
import { Span } from "../src/run-model";

const span = (state: Span["state"], start: number, end: number | null, inferred = false): Span => ({ state, start, end, inferred });
function laneBars(spans: Span[], from: number, to: number, now: number, x: (t: number) => number, keep: Span | null = null): Bar[] {
  const bars: Bar[] = [];
  emitBars(spans, from, to, now, x, keep, (bar) => bars.push({ ...bar }));
  return bars;
}

/** One pixel per microsecond, from time 0 at pixel 0. */
const px = (t: number) => t;

test("the first visible span is found by binary search: the one that covers the moment, or the first", () => {
  const spans = [span("running", 0, 10), span("sleeping", 10, 20), span("running", 20, 30)];
  const start = (s: Span) => s.start;
  assert.equal(firstVisible(spans, 15, start), 1);
  assert.equal(firstVisible(spans, 20, start), 1); // may end exactly there
  assert.equal(firstVisible(spans, 25, start), 2);
  assert.equal(firstVisible(spans, -5, start), 0);
  assert.equal(firstVisible([], 5, start), 0);
});

test("only spans in view become bars, in whole pixels; an open span lasts until now", () => {
  const spans = [span("running", 0, 10), span("sleeping", 10, 20.4), span("blocked", 20.4, 35), span("io", 35, null)];
  const bars = laneBars(spans, 15, 30, 50, px);
  assert.deepEqual(bars.map((b) => [b.state, b.x0, b.x1]), [["sleeping", 10, 21], ["blocked", 21, 35]]);
  assert.equal(bars[0]!.span, spans[1]);
  assert.deepEqual(laneBars(spans, 40, 45, 50, px).map((b) => [b.state, b.x0, b.x1]), [["io", 35, 50]]);
});

test("spans thinner than a pixel share their column, which takes the state that lasted longest in it", () => {
  const spans: Span[] = [];
  for (let column = 0; column < 5; column++) {
    spans.push(span("running", column, column + 0.7), span("blocked", column + 0.7, column + 1));
  }
  spans.push(span("sleeping", 5, 5.1), span("waiting", 5.1, 5.2), span("sleeping", 5.2, 5.3));
  const bars = laneBars(spans, 0, 6, 6, px);
  // Neighbouring columns of one state are one bar; the mixed column is the state with most time.
  assert.deepEqual(bars.map((b) => [b.state, b.x0, b.x1, b.span]), [["running", 0, 5, null], ["sleeping", 5, 6, null]]);
});

test("a blip after a span that ends inside a pixel is moved right, never painted over", () => {
  const spans = [span("running", 0, 10.5), span("blocked", 10.5, 10.8), span("running", 10.8, 30)];
  const bars = laneBars(spans, 0, 30, 30, px);
  assert.deepEqual(bars.map((b) => [b.state, b.x0, b.x1]), [["running", 0, 11], ["blocked", 11, 12], ["running", 12, 30]]);
});

test("the selected span keeps a bar of its own however thin, and inferred columns stay inferred", () => {
  const thin = span("blocked", 3.2, 3.3);
  const spans = [span("running", 0, 3.2, true), thin, span("running", 3.3, 3.5, true)];
  const x = (t: number) => t / 4; // 4 µs per pixel: everything is thinner than a pixel
  assert.deepEqual(laneBars(spans, 0, 4, 4, x).map((b) => [b.state, b.inferred]), [["running", true]]);
  const kept = laneBars(spans, 0, 4, 4, x, thin);
  assert.equal(kept.find((b) => b.span === thin)?.state, "blocked");
});

test("a long run costs at most one bar per pixel column", () => {
  const spans: Span[] = [];
  for (let i = 0; i < 100_000; i++) spans.push(span(i % 3 ? "running" : "ready", i, i + 1));
  const bars = laneBars(spans, 0, 100_000, 100_000, (t) => t / 100); // 1,000 pixels
  assert.ok(bars.length <= 1_000, `${bars.length} bars`);
  assert.ok(bars.every((b, i) => b.x0 < b.x1 && (i === 0 || bars[i - 1]!.x1 <= b.x0)));
});
