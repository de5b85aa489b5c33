// Time formatting shared by the timeline axis, the console and the status chip.

/** A no-break space: a line may not break at it. */
export const nbsp = "\u00a0";

/**
 * A duration in microseconds as a short human figure: 850 µs, 12.3 ms, 1.25 s. Figure and unit are joined by a
 * no-break space, so a line never breaks between them.
 */
export function formatMicros(us: number): string {
  if (us < 1_000) return `${Math.round(us)}${nbsp}µs`;
  if (us < 1_000_000) return `${trim(us / 1_000)}${nbsp}ms`;
  return `${trim(us / 1_000_000)}${nbsp}s`;
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Fills {0}, {1}... in a UI string. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)] ?? ""));
}
