// The timeline's words: the labels of lanes, counters and cores, how far the longest reaches (for the label column's
// width), and a span described in one line for the tooltip and assistive tools.
import { textWidth } from "./canvas-text";
import { fill, formatMicros, nbsp } from "./format";
import { Row } from "./lane-layout";
import { Counter, RunModel, Span } from "./run-model";

/** How far right of the canvas's edge a lane's label starts: deeper lanes are indented. */
export const rowIndent = (row: Row) => 8 + row.depth * 12;

/** What starts the label of a lane that holds others: ▾ while they show, ▸ while they are folded away. */
export const foldMark = (row: Row) => (row.children === 0 ? "" : row.folded ? "▸ " : "▾ ");

/** A lane's label, with its fold mark. */
export const rowLabel = (row: Row) => foldMark(row) + laneLabel(row);

/**
 * Whether `x` falls on a row's fold mark, with room for a fingertip: from the canvas's edge to a little past the mark
 * (`markWidth` wide in the canvas's font).
 */
export const onFoldMark = (row: Row, x: number, markWidth: number) => row.children > 0 && x < rowIndent(row) + markWidth + 10;

export const coreText = (coreLabel: string, core: number) => `${coreLabel}${nbsp}${core}`;

/** The top of a counter's scale, and the figure its label gives: its highest value, at least 1 (a counter at 0 draws along the bottom). */
export const counterTop = (counter: Counter) => Math.max(1, counter.max);

/** A counter's label as drawn: its name and the top of its scale ("max {0}" in the page's language). */
export function counterLabel(name: string, top: number | string, maxLabel: string): string {
  return `${name} (${fill(maxLabel, top)})`;
}

/**
 * The label the column keeps room for: the figure as five whole digits and two decimals, or more whole digits once it
 * has more. A live counter's figure changes as the run goes; measured as it is, it would widen or narrow the column,
 * and move the whole plot sideways, each time it gained a digit or lost a decimal. Its highest value only grows, so
 * this room changes only as it reaches 100,000, 1,000,000...
 */
function counterRoom(name: string, counter: Counter, maxLabel: string): string {
  const digits = Math.max(5, String(Math.trunc(counterTop(counter))).length);
  return counterLabel(name, `${"9".repeat(digits)}.99`, maxLabel);
}

/**
 * How far from the canvas's left edge the longest label of these lanes reaches, in the context's font, with the wider
 * of the two fold marks: folding a group changes its mark, and must not cut its label short.
 */
export function widestLaneLabel(ctx: CanvasRenderingContext2D, rows: Row[]): number {
  const mark = Math.max(textWidth(ctx, "▾ "), textWidth(ctx, "▸ "));
  let widest = 0;
  for (const row of rows) widest = Math.max(widest, rowIndent(row) + (row.children > 0 ? mark : 0) + textWidth(ctx, laneLabel(row)));
  return widest;
}

/** The same for the counters' and the cores' labels. */
export function widestOtherLabel(ctx: CanvasRenderingContext2D, model: RunModel, coreLabel: string, maxLabel: string): number {
  let widest = model.maxCore < 0 ? 0 : 8 + textWidth(ctx, coreText(coreLabel, model.maxCore));
  for (const [name, counter] of model.counters) widest = Math.max(widest, 8 + textWidth(ctx, counterRoom(name, counter, maxLabel)));
  return widest;
}

/** Name and the real id that matters for the kind: pid for a process, tid for a thread. */
export function laneLabel(row: Row): string {
  const { kind, name, pid, tid } = row.lane.info;
  if (kind === "process") return `${name} · pid ${pid}`;
  if (kind === "thread") return `${name} · tid ${tid ?? "?"}`;
  return name;
}

export function describeSpan(row: Row, s: Span, now: number, coreLabel: string, states: Record<string, string>): string {
  const end = s.end ?? now;
  const parts = [laneLabel(row), `${states[s.state] ?? s.state}${s.on ? ` (${s.on})` : ""}`, `${formatMicros(s.start)} → ${formatMicros(end)}`, formatMicros(end - s.start)];
  if (s.core !== undefined) parts.push(coreText(coreLabel, s.core));
  if (s.tid !== undefined) parts.push(`tid${nbsp}${s.tid}`);
  return parts.join(" · ");
}
