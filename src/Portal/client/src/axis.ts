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
export function ticks(start: number, end: number, width: number, spacing = Math.min(110, Math.max(64, width / 3))): Tick[] {
  const step = niceStep((end - start) / Math.max(1, Math.floor(width / spacing)));
  const unit = end - start >= 2_000_000 ? "s" : end - start >= 2_000 ? "ms" : "µs";
  const result: Tick[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    result.push({ t, label: label(t, unit, step) });
  }
  return result;
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
