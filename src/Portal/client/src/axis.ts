// Time-axis ticks: round steps (1, 2, 5 × 10^n µs) labelled in the unit that suits the visible span.

export interface Tick {
  t: number;
  label: string;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
  for (const m of [1, 2, 5]) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

/**
 * Ticks for [start, end] at roughly one per `spacing` pixels across `width` pixels. A narrow plot (a phone's) gets
 * them closer, so that it still shows three or so, but never closer than a label needs.
 */
export function ticks(start: number, end: number, width: number, spacing = defaultSpacing(width)): Tick[] {
  return ticksEvery(start, end, tickStep(end - start, width, spacing));
}

const defaultSpacing = (width: number) => Math.min(110, Math.max(64, width / 3));

function tickStep(span: number, width: number, spacing: number): number {
  return niceStep(span / Math.max(1, Math.floor(width / spacing)));
}

/** The unit the axis labels a visible span of `span` µs in. */
export function unitFor(span: number): "s" | "ms" | "µs" {
  return span >= 2_000_000 ? "s" : span >= 2_000 ? "ms" : "µs";
}

/** Ticks `step` apart, labelled in the unit that suits the range. */
function ticksEvery(start: number, end: number, step: number): Tick[] {
  const unit = unitFor(end - start);
  const result: Tick[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    result.push({ t, label: label(t, unit, step) });
  }
  return result;
}

/** The round step below `step` (1, 2 or 5 times a power of ten). */
function smallerStep(step: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
  const m = Math.round(step / power);
  return m >= 5 ? 2 * power : m >= 2 ? power : power / 2;
}

export interface PlacedTick extends Tick {
  /** The x of its grid line. */
  x: number;
  /** Where its label starts, or null when it has none (labelPlaces). */
  labelX: number | null;
}

/**
 * The axis of a plot `width` pixels wide from x = `left`, whose labels may reach `right`, measured by `measure`.
 * Rounding the step up can leave a narrow plot a single label ("0 ms" and no scale), and the labels left out where
 * they would collide can do the same: the step then shrinks, while grid lines stay a few pixels apart, until two
 * ticks are labelled (or the most are).
 */
export function axisTicks(start: number, end: number, left: number, width: number, right: number,
  measure: (label: string) => number): PlacedTick[] {
  const span = end - start;
  let step = tickStep(span, width, defaultSpacing(width));
  let best = { axis: [] as Tick[], lines: [] as number[], places: [] as (number | null)[] };
  let labelled = -1;
  for (;;) {
    const axis = ticksEvery(start, end, step);
    const lines = axis.map((tick) => Math.round(left + ((tick.t - start) / span) * width));
    const places = labelPlaces(lines, axis.map((tick) => measure(tick.label)), left, right);
    const count = places.filter((x) => x !== null).length;
    if (count > labelled) {
      best = { axis, lines, places };
      labelled = count;
    }
    const next = smallerStep(step);
    // Times are whole microseconds: no step below 1 µs.
    if (labelled >= 2 || next < 1 || (next / span) * width < 6) break;
    step = next;
  }
  return best.axis.map((tick, i) => ({ ...tick, x: best.lines[i]!, labelX: best.places[i] ?? null }));
}

function label(t: number, unit: "s" | "ms" | "µs", step: number): string {
  const divisor = unit === "s" ? 1_000_000 : unit === "ms" ? 1_000 : 1;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step / divisor) - 1e-9));
  return `${(t / divisor).toFixed(Math.min(decimals, 3))} ${unit}`;
}

/**
 * Where each tick's label starts, given the x of its grid line and the label's width: just right of its line, or just
 * left of it when it would run past `right` (the last ticks near the canvas's edge); null when it would then start
 * before `left` or run into the label before it, so the axis never shows a label cut short.
 */
export function labelPlaces(lines: readonly number[], widths: readonly number[], left: number, right: number, gap = 3.5): (number | null)[] {
  let end = left - 2 * gap; // where the last label shown ends
  return lines.map((line, i) => {
    const w = widths[i]!;
    const x = line + gap + w <= right ? line + gap : line - gap - w;
    if (x < end + 2 * gap) return null;
    end = x + w;
    return x;
  });
}
