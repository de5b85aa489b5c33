// Finding the span under the pointer, and the next/previous span for keyboard moves. Pure: no DOM.
import { firstVisible } from "./lane-bars";
import { Row } from "./lane-layout";
import { Span } from "./run-model";
import { TimeView } from "./time-view";

export interface Geometry {
  top: number;
  rowHeight: number;
  left: number;
  width: number;
}

export interface Hit {
  row: number;
  span: Span;
}

export function spanAt(rows: Row[], view: TimeView, now: number, g: Geometry, x: number, y: number): Hit | null {
  const row = Math.floor((y - g.top) / g.rowHeight);
  const lane = rows[row]?.lane;
  if (!lane || x < g.left) return null;
  const t = view.toTime(x, g.left, g.width);
  const slack = (2 / g.width) * view.span; // two pixels, so hairline spans can be hit
  const spans = lane.spans;
  for (let k = Math.max(0, firstVisible(spans, t - slack, (s) => s.start) - 1); k < spans.length; k++) {
    const span = spans[k]!;
    if (span.start - slack > t) break;
    if (t <= (span.end ?? now) + slack) return { row, span };
  }
  return null;
}

/** The span after (step 1) or before (step -1) `span` in its lane, or the first one when there is none. */
export function stepSpan(spans: Span[], span: Span | null, step: 1 | -1): Span | null {
  if (spans.length === 0) return null;
  if (!span) return step === 1 ? spans[0]! : spans[spans.length - 1]!;
  const index = spans.indexOf(span);
  return spans[Math.min(spans.length - 1, Math.max(0, index + step))] ?? null;
}
