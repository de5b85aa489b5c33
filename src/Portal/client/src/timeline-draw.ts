// Drawing a run on a canvas context: lanes with state spans, marks, wake-up arrows, counters, cores.
// Everything is clipped to the visible time range, so a long run costs only what is on screen.
import { ticks } from "./axis";
import { formatMicros } from "./format";
import { laneColor } from "./lane-colors";
import { Row } from "./lane-layout";
import { RunModel, Span } from "./run-model";
import { stateFill } from "./state-style";
import { TimeView } from "./time-view";

export const layout = { rowHeight: 26, barHeight: 16, axisHeight: 28, labelWidth: 180, padRight: 16, counterHeight: 34, coreHeight: 16 };

export interface Palette {
  ink: string;
  muted: string;
  rule: string;
  accent: string;
}

export interface Scene {
  model: RunModel;
  rows: Row[];
  view: TimeView;
  width: number;
  selected: Span | null;
  threadColor: (tid: number) => string;
  coreLabel: string;
}

export function sceneHeight(scene: Pick<Scene, "model" | "rows">): number {
  const { model, rows } = scene;
  return layout.axisHeight + Math.max(1, rows.length) * layout.rowHeight + model.counters.size * layout.counterHeight
    + (model.maxCore + 1) * layout.coreHeight + 12;
}

export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, palette: Palette): void {
  const { model, rows, view, width } = scene;
  const plot = width - layout.labelWidth - layout.padRight;
  const x = (t: number) => view.toX(t, layout.labelWidth, plot);
  const visible = (a: number, b: number) => b >= view.start && a <= view.end;
  const height = sceneHeight(scene);

  ctx.strokeStyle = palette.rule;
  ctx.fillStyle = palette.muted;
  for (const tick of ticks(view.start, view.end, plot)) {
    const px = Math.round(x(tick.t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, layout.axisHeight - 6);
    ctx.lineTo(px, height);
    ctx.stroke();
    ctx.fillText(tick.label, px + 3, layout.axisHeight / 2 - 2);
  }

  const rowOf = new Map(rows.map((r, i) => [r.lane.info.lane, i]));
  const mid = (row: number) => layout.axisHeight + row * layout.rowHeight + layout.rowHeight / 2;
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.labelWidth, 0, plot, height);
  ctx.clip();
  const coreTop = layout.axisHeight + rows.length * layout.rowHeight + 6 + model.counters.size * layout.counterHeight;
  const coreLabel = ctx.measureText(`${scene.coreLabel} 00`).width + 8;
  rows.forEach((row, i) => {
    const top = layout.axisHeight + i * layout.rowHeight + (layout.rowHeight - layout.barHeight) / 2;
    const spans = row.lane.spans;
    // Spans are in time order: start at the first one that can be visible and stop past the view.
    // Spans thinner than a pixel merge into one bar in the colour of the state that lasted longest,
    // so a run of 100,000 spans costs what fits on screen.
    let dense: { x0: number; x1: number; state: Span["state"]; longest: number } | null = null;
    // Right edge of what is painted so far: the next span starts there, so a one-pixel blip is never painted over.
    let painted = -Infinity;
    const flush = () => {
      if (!dense) return;
      const from = Math.max(dense.x0, painted);
      ctx.fillStyle = stateFill(ctx, dense.state);
      ctx.fillRect(from, top, Math.max(1, dense.x1 - from), layout.barHeight);
      painted = Math.max(from + 1, dense.x1);
      dense = null;
    };
    for (let k = firstVisible(spans, view.start); k < spans.length; k++) {
      const s = spans[k]!;
      if (s.start > view.end) break;
      const end = s.end ?? model.now;
      // Whole pixels: a thin span stays a crisp bar of its state's colour instead of a blurred edge.
      let x0 = Math.floor(x(s.start));
      let x1 = Math.max(x0 + 1, Math.ceil(x(end)));
      if (x(end) - x(s.start) < 1 && s !== scene.selected) {
        if (dense && x0 <= dense.x1 + 1) {
          dense.x1 = Math.max(dense.x1, x1);
          if (end - s.start > dense.longest) {
            dense.state = s.state;
            dense.longest = end - s.start;
          }
        } else {
          flush();
          dense = { x0, x1, state: s.state, longest: end - s.start };
        }
        continue;
      }
      flush();
      x0 = Math.max(x0, painted);
      x1 = Math.max(x1, x0 + 1);
      painted = x1;
      ctx.globalAlpha = s.inferred ? 0.5 : 1;
      ctx.fillStyle = stateFill(ctx, s.state);
      ctx.fillRect(x0, top, x1 - x0, layout.barHeight);
      ctx.globalAlpha = 1;
      if (s.inferred) {
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = palette.ink;
        ctx.strokeRect(x0 + 0.5, top + 0.5, x1 - x0 - 1, layout.barHeight - 1);
        ctx.setLineDash([]);
      }
      if (s.tid !== undefined) {
        // A task has no thread of its own: underline each slice in the colour of the thread that ran it.
        ctx.fillStyle = scene.threadColor(s.tid);
        ctx.fillRect(x0, top + layout.barHeight, x1 - x0, 3);
      }
      if (s.state === "running" && s.core !== undefined) {
        // The per-core strip: which lane ran on each core.
        ctx.fillStyle = laneColor(i);
        ctx.fillRect(x0, coreTop + s.core * layout.coreHeight + 1, x1 - x0, layout.coreHeight - 2);
        if (x1 - x0 >= coreLabel) {
          ctx.fillStyle = "#fff";
          ctx.fillText(`${scene.coreLabel} ${s.core}`, x0 + 4, top + layout.barHeight / 2);
        }
      }
      if (s === scene.selected) {
        ctx.strokeStyle = palette.accent;
        ctx.lineWidth = 2;
        ctx.strokeRect(x0 - 1, top - 2, x1 - x0 + 2, layout.barHeight + 4);
        ctx.lineWidth = 1;
      }
    }
    flush();
  });

  for (const mark of model.marks) {
    const row = rowOf.get(mark.lane);
    if (row === undefined || !visible(mark.t, mark.t)) continue;
    const px = Math.round(x(mark.t)) + 0.5;
    ctx.strokeStyle = palette.ink;
    ctx.beginPath();
    ctx.moveTo(px, mid(row) - layout.barHeight / 2 - 3);
    ctx.lineTo(px, mid(row) - layout.barHeight / 2 + 4);
    ctx.stroke();
    const target = mark.link === undefined ? undefined : rowOf.get(mark.link);
    if (target !== undefined && target !== row) arrow(ctx, px, mid(row), mid(target), palette.accent);
  }
  ctx.restore();

  rows.forEach((row, i) => {
    ctx.fillStyle = palette.ink;
    const indent = 8 + row.depth * 12;
    const fold = row.children > 0 ? "▾ " : "";
    ctx.fillText(fitText(ctx, fold + laneLabel(row), layout.labelWidth - indent - 4), indent, mid(i));
  });

  let top = layout.axisHeight + rows.length * layout.rowHeight + 6;
  for (const [name, series] of model.counters) {
    drawCounter(ctx, name, series, top, x, palette, model.now);
    top += layout.counterHeight;
  }
  ctx.fillStyle = palette.muted;
  for (let core = 0; core <= model.maxCore; core++) {
    ctx.fillText(`${scene.coreLabel} ${core}`, 8, coreTop + core * layout.coreHeight + layout.coreHeight / 2);
  }
}

/** Index of the first span that may reach `t` (spans are sorted by start and end where the next begins). */
function firstVisible(spans: Span[], t: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

function drawCounter(ctx: CanvasRenderingContext2D, name: string, series: { t: number; value: number }[], top: number,
  x: (t: number) => number, palette: Palette, now: number): void {
  const max = Math.max(1, ...series.map((p) => p.value));
  const y = (v: number) => top + layout.counterHeight - 6 - (v / max) * (layout.counterHeight - 10);
  ctx.fillStyle = palette.muted;
  ctx.fillText(fitText(ctx, `${name} (max ${max})`, layout.labelWidth - 12), 8, top + layout.counterHeight / 2);
  ctx.strokeStyle = palette.accent;
  ctx.beginPath();
  series.forEach((p, i) => {
    const next = series[i + 1]?.t ?? now;
    if (i === 0) ctx.moveTo(x(p.t), y(p.value));
    else ctx.lineTo(x(p.t), y(p.value));
    ctx.lineTo(x(next), y(p.value)); // a counter holds its value until the next sample
  });
  ctx.stroke();
}

function arrow(ctx: CanvasRenderingContext2D, px: number, from: number, to: number, color: string): void {
  const head = to > from ? -5 : 5;
  ctx.strokeStyle = ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(px, from);
  ctx.lineTo(px, to + head);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(px, to);
  ctx.lineTo(px - 4, to + head);
  ctx.lineTo(px + 4, to + head);
  ctx.fill();
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
  if (s.core !== undefined) parts.push(`${coreLabel} ${s.core}`);
  if (s.tid !== undefined) parts.push(`tid ${s.tid}`);
  return parts.join(" · ");
}

function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(text.slice(0, end) + "…").width > max) end--;
  return text.slice(0, end) + "…";
}
