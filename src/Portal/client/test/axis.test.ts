import assert from "node:assert/strict";
import { test } from "node:test";
import { axisTicks } from "../src/axis";

/** The labels the axis shows on a plot `plot` px wide, drawn in 12 px monospace (about 7.2 px a character). */
function labelled(start: number, end: number, plot: number): string[] {
  return axisTicks(start, end, 0, plot, plot + 14, (label) => label.length * 7.2).filter((t) => t.labelX !== null).map((t) => t.label);
}

test("a phone's plot shows a scale, not a lone 0 ms, for a half-second run", () => {
  // The async demo's run of 489 ms on a 390 px phone leaves 176 px of plot: the first step, 500 ms, falls past its end.
  assert.deepEqual(labelled(0, 489_000, 176), ["0 ms", "200 ms"]);
});

test("a plot 120 px wide or more labels at least two ticks, fitted or zoomed into", () => {
  // Deep in a long run the labels grow ("1234500 µs"): two of them need the 176 px of plot a 320 px canvas leaves.
  for (const [narrowest, starts] of [[120, [0, 0.31]], [176, [7.77, 100]]] as const) {
    for (let plot = narrowest; plot <= 1_400; plot += 7) {
      for (let span = 2; span < 1e9; span *= 1.13) {
        for (const start of starts.map((f) => f * span)) {
          const shown = labelled(start, start + span, plot);
          assert.ok(shown.length >= 2, `plot ${plot} px, ${start}..${start + span} µs: ${shown.join(", ") || "nothing"}`);
        }
      }
    }
  }
});

test("a wide plot keeps its ticks about 110 px apart", () => {
  assert.deepEqual(labelled(0, 489_000, 1_100), ["0 ms", "50 ms", "100 ms", "150 ms", "200 ms", "250 ms", "300 ms", "350 ms", "400 ms", "450 ms"]);
});

test("a deep zoom on a narrow plot never labels or grids fractions of a microsecond", () => {
  for (const [start, end, width] of [[1_234_567.3, 1_234_569.3, 176], [10.3, 12.3, 120]] as const) {
    const axis = axisTicks(start, end, 0, width, width, (label) => label.length * 7);
    assert.ok(axis.every((tick) => Number.isInteger(tick.t)), axis.map((tick) => tick.t).join(", "));
  }
});
