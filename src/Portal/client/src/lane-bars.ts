// What a lane's spans become on screen at the current zoom: bars in whole pixels, only for the spans in
// view (found by binary search), with spans thinner than a pixel sharing their pixel column, which takes
// the state that filled most of it. So a lane costs at most one bar per pixel, however long the run.
// Pure: no DOM.
import { LaneState } from "./events";
import { Span } from "./run-model";
import { stateIndex, states } from "./state-style";

export interface Bar {
  /** Whole pixels, x0 < x1. */
  x0: number;
  x1: number;
  state: LaneState;
  inferred: boolean;
  /** The OS thread that ran it (task lanes) and the core it ran on, from its longest span. */
  tid?: number;
  core?: number;
  /** The span, when the bar is one span; null when it merges the spans of pixel columns. */
  span: Span | null;
}

/**
 * Where a walk through `items`, sorted by `time`, should start to see moment `t`: the last item that begins before
 * it (it may still last until `t`), or the first. Binary search: a lane may hold 100,000 spans.
 */
export function firstVisible<T>(items: readonly T[], t: number, time: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time(items[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * Hands `emit` the bars for the spans of one lane between times `from` and `to`, left to right; `keep` is drawn on
 * its own even when thin. The bar handed over is one object, reused: `emit` copies what it keeps. (A frame may have
 * tens of thousands of bars; making an object of each would cost more than drawing them.)
 */
export function laneBars(spans: readonly Span[], from: number, to: number, now: number, x: (t: number) => number,
  keep: Span | null, emit: (bar: Readonly<Bar>) => void): void {
  // The bar held back until the next one shows whether it goes on from it.
  const bar: Bar = { x0: 0, x1: 0, state: "running", inferred: false, tid: undefined, core: undefined, span: null };
  let held = false;
  // Right edge of what is painted so far: what comes next starts there, so a one-pixel blip is never painted over.
  let painted = -Infinity;
  const hold = (x0: number, x1: number, state: LaneState, inferred: boolean, tid: number | undefined, core: number | undefined,
    span: Span | null) => {
    painted = x1;
    if (held && span === null && bar.span === null && bar.x1 === x0 && bar.state === state && bar.inferred === inferred
      && bar.tid === tid && bar.core === core) {
      bar.x1 = x1;
      return;
    }
    if (held) emit(bar);
    held = true;
    bar.x0 = x0;
    bar.x1 = x1;
    bar.state = state;
    bar.inferred = inferred;
    bar.tid = tid;
    bar.core = core;
    bar.span = span;
  };
  let lastEnd = NaN;
  let lastX = NaN;
  column.reset();
  const flush = () => {
    const best = column.take();
    if (best === null) return;
    const x0 = Math.max(column.x, painted);
    hold(x0, x0 + 1, best.state, column.inferred, best.tid, best.core, null);
  };
  for (let k = firstVisible(spans, from, start); k < spans.length; k++) {
    const s = spans[k]!;
    if (s.start > to) break;
    const end = s.end ?? now;
    if (end < from) continue;
    const xs = s.start === lastEnd ? lastX : x(s.start); // spans follow on: this one starts where the last ended
    const xe = x(end);
    lastEnd = end;
    lastX = xe;
    if (xe - xs < 1 && s !== keep) {
      const at = Math.floor(xs);
      if (at !== column.x) flush();
      column.add(at, s, end - s.start);
      continue;
    }
    flush();
    const x0 = Math.max(Math.floor(xs), painted);
    hold(x0, Math.max(Math.ceil(xe), x0 + 1), s.state, s.inferred, s.tid, s.core, s);
  }
  flush();
  if (held) emit(bar);
}

const start = (span: Span) => span.start;

/** The sub-pixel spans of one pixel column: how long each state lasted in it, and its longest span. */
class Column {
  x = NaN;
  /** Whether all of the state taken last was inferred. */
  inferred = false;
  private readonly total = new Float64Array(states.length);
  private readonly length = new Float64Array(states.length);
  private readonly longest: (Span | null)[] = states.map(() => null);
  private readonly allInferred: boolean[] = states.map(() => true);
  /** The states seen since the last take, so emptying touches only them. */
  private readonly seen = new Int8Array(states.length);
  private count = 0;

  reset(): void {
    this.x = NaN;
    for (let k = 0; k < this.count; k++) this.longest[this.seen[k]!] = null;
    this.count = 0;
  }

  add(x: number, span: Span, length: number): void {
    this.x = x;
    const i = stateIndex(span.state);
    if (this.longest[i] === null) {
      this.seen[this.count++] = i;
      this.total[i] = this.length[i] = length;
      this.longest[i] = span;
      this.allInferred[i] = span.inferred;
      return;
    }
    this.total[i]! += length;
    this.allInferred[i] &&= span.inferred;
    if (length > this.length[i]!) {
      this.longest[i] = span;
      this.length[i] = length;
    }
  }

  /** The longest span of the state that lasted longest in the column (or null when empty), and empties the column. */
  take(): Span | null {
    if (this.count === 0) return null;
    let best = this.seen[0]!;
    for (let k = 1; k < this.count; k++) {
      const i = this.seen[k]!;
      if (this.total[i]! > this.total[best]!) best = i;
    }
    const span = this.longest[best]!;
    this.inferred = this.allInferred[best]!;
    for (let k = 0; k < this.count; k++) this.longest[this.seen[k]!] = null;
    this.count = 0;
    return span;
  }
}

/** One column serves every call (they never overlap): a frame asks for the bars of every lane. */
const column = new Column();
