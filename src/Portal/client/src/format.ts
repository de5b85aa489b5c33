// Time formatting shared by the timeline axis, the console and the status chip.

/** A no-break space: a line may not break at it. */
export const nbsp = "\u00a0";

/**
 * The scales a duration is shown in, smallest first: microseconds per unit, decimals, unit, and the figure it must
 * stay under once rounded (else the next scale takes it, so 99,996 µs reads "100 ms", not "100.0 ms").
 */
const scales: readonly [number, number, string, number][] = [
  [1, 0, "µs", 1_000],
  [1_000, 2, "ms", 10], [1_000, 1, "ms", 100], [1_000, 0, "ms", 1_000],
  [1_000_000, 2, "s", 10], [1_000_000, 1, "s", 100], [1_000_000, 0, "s", Infinity],
];

/**
 * A duration in microseconds as a short human figure with three significant digits: 850 µs, 12.3 ms, 1.25 s.
 * The last digit is rounded from whole microseconds, a tie up, exactly as the server's pages do (RunText.Micros;
 * durations.json holds the cases both are tested with). Figure and unit are joined by a no-break space, so a line
 * never breaks between them.
 */
export function formatMicros(us: number): string {
  let text = "";
  for (const [perUnit, decimals, unit, below] of scales) {
    const figure = Math.round(us / (perUnit / 10 ** decimals)) / 10 ** decimals;
    text = `${figure.toFixed(decimals)}${nbsp}${unit}`;
    if (figure < below) break;
  }
  return text;
}

/** Fills {0}, {1}... in a UI string. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)] ?? ""));
}
