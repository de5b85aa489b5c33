// Drawing a run on a canvas context: lanes with state spans, marks, wake-up arrows, counters, cores.
// Everything is clipped to the visible time range, so a long run costs only what is on screen: the spans in view
// become at most one bar per pixel column (lane-bars), painted with the grid as pixels into one layer put on the
// canvas in one call (pixel-layer); text, outlines, marks and arrows are canvas calls on top.
import { axisTicks } from "./axis";
import { fitText, textWidth } from "./canvas-text";
import { labelColumn } from "./label-column";
import { laneColor } from "./lane-colors";
import { Row } from "./lane-layout";
import { firstVisible, laneBars } from "./lane-bars";
import { PixelLayer, colorTile } from "./pixel-layer";
import { Counter, RunModel, Span } from "./run-model";
import { statePixels } from "./state-style";
import { TimeView } from "./time-view";
import { coreText, counterLabel, counterTop, rowIndent, rowLabel } from "./timeline-labels";

/** Heights and margins in CSS pixels. The label column's width depends on the labels and the canvas: see label-column. */
export const layout = { rowHeight: 26, barHeight: 16, axisHeight: 28, padRight: 16, counterHeight: 34, coreHeight: 18 };

export interface Palette {
  ink: string;
  muted: string;
  rule: string;
  accent: string;
  /** The page's monospace font at the timeline's size: every label is drawn in it (and measured in it)... */
  font: string;
  /** ...but the core rows' labels, a size smaller so that two rows of Han characters keep apart. */
  smallFont: string;
  /** The dark theme is on: lanes take the dark variants of their colours. */
  dark: boolean;
}

export interface Scene {
  model: RunModel;
  rows: Row[];
  view: TimeView;
  width: number;
  selected: Span | null;
  /** Width of the label column, left of the plot (labelColumnWidth): hit testing must use the same. */
  labelWidth: number;
  threadColor: (tid: number) => string;
  coreLabel: string;
  /** "max {0}", after a counter's name. */
  maxLabel: string;
}

export function sceneHeight(scene: Pick<Scene, "model" | "rows">): number {
  const { model, rows } = scene;
  return layout.axisHeight + Math.max(1, rows.length) * layout.rowHeight + model.counters.size * layout.counterHeight
    + (model.maxCore + 1) * layout.coreHeight + 12;
}

export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene, palette: Palette): void {
  const { model, rows, view, width, labelWidth } = scene;
  const plot = width - labelWidth - layout.padRight;
  const scale = plot / view.span; // x runs for every span in view: one multiplication, no division (TimeView.toX's formula)
  const x = (t: number) => labelWidth + (t - view.start) * scale;
  const height = sceneHeight(scene);

  // The grid and the bars are painted as pixels into one layer (see drawBars), which replaces the canvas under it
  // when it is put on: the tick labels written now survive only because they sit above the layer's top.
  const pixels = layerFor(ctx, scene);
  pixels.clear();
  const rule = colorTile(palette.rule);
  ctx.fillStyle = palette.muted;
  for (const tick of axisTicks(view.start, view.end, labelWidth, plot, width - 2, (label) => textWidth(ctx, label))) {
    pixels.column(tick.x, 1, rule);
    if (tick.labelX !== null) ctx.fillText(tick.label, tick.labelX, layout.axisHeight / 2 - 2);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(labelWidth, 0, plot, height);
  ctx.clip();
  const coreTop = layout.axisHeight + rows.length * layout.rowHeight + 6 + model.counters.size * layout.counterHeight;
  drawBars(ctx, pixels, scene, palette, x, coreTop);
  drawMarks(ctx, model, rows, x, palette, view.start, view.end);
  ctx.restore();

  ctx.fillStyle = palette.ink;
  rows.forEach((row, i) => {
    const indent = rowIndent(row);
    ctx.fillText(fitText(ctx, rowLabel(row), labelWidth - indent - labelColumn.gap), indent, mid(i));
  });

  let top = layout.axisHeight + rows.length * layout.rowHeight + 6;
  for (const [name, counter] of model.counters) {
    drawCounter(ctx, name, counter, top, x, palette, scene);
    top += layout.counterHeight;
  }
  ctx.fillStyle = palette.muted;
  ctx.font = palette.smallFont;
  for (let core = 0; core <= model.maxCore; core++) {
    ctx.fillText(coreText(scene.coreLabel, core), 8, coreTop + core * layout.coreHeight + layout.coreHeight / 2);
  }
  ctx.font = palette.font;
}

/** The label at height `y` (a lane's or a counter's) and where it starts, or null. */
export function labelAt(model: RunModel, rows: Row[], maxLabel: string, y: number): { text: string; x: number } | null {
  const row = rows[Math.floor((y - layout.axisHeight) / layout.rowHeight)];
  if (y >= layout.axisHeight && row) return { text: rowLabel(row), x: rowIndent(row) };
  const counter = Math.floor((y - layout.axisHeight - rows.length * layout.rowHeight - 6) / layout.counterHeight);
  const entry = counter >= 0 ? [...model.counters][counter] : undefined;
  return entry ? { text: counterLabel(entry[0], counterTop(entry[1]), maxLabel), x: 8 } : null;
}

const mid = (row: number) => layout.axisHeight + row * layout.rowHeight + layout.rowHeight / 2;

/**
 * The lanes' bars and what hangs off them (thread underlines, the per-core strip, inferred outlines, the selection).
 * Bars are painted into the pixel layer, a band of pixel columns per lane, and the layer is put on the canvas in one
 * call: a frame costs its pixels, however many spans are on screen. Outlines and text are drawn over it.
 */
function drawBars(ctx: CanvasRenderingContext2D, pixels: PixelLayer, scene: Scene, palette: Palette, x: (t: number) => number,
  coreTop: number): void {
  const { model, rows, view } = scene;
  const outlines = new Path2D();
  const coreTexts: { text: string; x: number; y: number }[] = [];
  const coreLabel = textWidth(ctx, coreText(scene.coreLabel, 10)) + 8;
  let selected = null as { x: number; y: number; w: number } | null; // set by the callback below
  const cores = Array.from({ length: model.maxCore + 1 }, (_, core) => pixels.band(coreTop + core * layout.coreHeight + 1, layout.coreHeight - 2));
  for (let i = 0; i < rows.length; i++) {
    const top = layout.axisHeight + i * layout.rowHeight + (layout.rowHeight - layout.barHeight) / 2;
    const lane = pixels.band(top, layout.barHeight);
    const under = pixels.band(top + layout.barHeight, 3);
    const coreColor = colorTile(laneColor(i, palette.dark));
    laneBars(rows[i]!.lane.spans, view.start, view.end, model.now, x, scene.selected, (bar) => {
      const w = bar.x1 - bar.x0;
      lane.set(bar.x0, w, statePixels(bar.state, bar.inferred));
      if (bar.inferred) outlines.rect(bar.x0 + 0.5, top + 0.5, w - 1, layout.barHeight - 1);
      // A task has no thread of its own: underline each slice in the colour of the thread that ran it.
      if (bar.tid !== undefined) under.set(bar.x0, w, colorTile(scene.threadColor(bar.tid)));
      if (bar.state === "running" && bar.core !== undefined) {
        // The per-core strip: which lane ran on each core.
        cores[bar.core]?.set(bar.x0, w, coreColor);
        if (w >= coreLabel) coreTexts.push({ text: coreText(scene.coreLabel, bar.core), x: bar.x0 + 4, y: top + layout.barHeight / 2 });
      }
      if (bar.span !== null && bar.span === scene.selected) selected = { x: bar.x0, y: top, w };
    });
    lane.commit();
    under.commit();
  }
  for (const core of cores) core.commit();
  pixels.putOn(ctx);
  ctx.setLineDash([3, 2]);
  ctx.strokeStyle = palette.ink;
  ctx.stroke(outlines);
  ctx.setLineDash([]);
  ctx.fillStyle = "#fff";
  for (const t of coreTexts) ctx.fillText(t.text, t.x, t.y);
  if (selected) {
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = 2;
    ctx.strokeRect(selected.x - 1, selected.y - 2, selected.w + 2, layout.barHeight + 4);
    ctx.lineWidth = 1;
  }
}

const layers = new WeakMap<CanvasRenderingContext2D, PixelLayer>();

/** The pixel layer of the plot, from the grid's top down, kept per canvas and remade when its size changes. */
function layerFor(ctx: CanvasRenderingContext2D, scene: Scene): PixelLayer {
  const ratio = ctx.getTransform().a;
  const { labelWidth } = scene;
  const plot = scene.width - labelWidth - layout.padRight;
  const top = layout.axisHeight - 6;
  const width = Math.round(plot * ratio);
  const height = Math.round((sceneHeight(scene) - top) * ratio);
  let layer = layers.get(ctx);
  if (!layer || !layer.fits(width, height, labelWidth, top, ratio)) {
    layer = new PixelLayer(width, height, labelWidth, top, ratio);
    layers.set(ctx, layer);
  }
  return layer;
}

/** Marks as ticks on their lane, and wake-up links as arrows from the mark's lane to the lane it woke. */
function drawMarks(ctx: CanvasRenderingContext2D, model: RunModel, rows: Row[], x: (t: number) => number, palette: Palette,
  from: number, to: number): void {
  const rowOf = new Map(rows.map((r, i) => [r.lane.info.lane, i]));
  const marks = new Path2D();
  const shafts = new Path2D();
  const heads = new Path2D();
  for (const mark of model.marks) {
    const row = rowOf.get(mark.lane);
    if (row === undefined || mark.t < from || mark.t > to) continue;
    const px = Math.round(x(mark.t)) + 0.5;
    marks.moveTo(px, mid(row) - layout.barHeight / 2 - 3);
    marks.lineTo(px, mid(row) - layout.barHeight / 2 + 4);
    const target = mark.link === undefined ? undefined : rowOf.get(mark.link);
    if (target === undefined || target === row) continue;
    const head = target > row ? -5 : 5;
    shafts.moveTo(px, mid(row));
    shafts.lineTo(px, mid(target) + head);
    heads.moveTo(px, mid(target));
    heads.lineTo(px - 4, mid(target) + head);
    heads.lineTo(px + 4, mid(target) + head);
    heads.closePath();
  }
  ctx.strokeStyle = palette.ink;
  ctx.stroke(marks);
  ctx.strokeStyle = ctx.fillStyle = palette.accent;
  ctx.stroke(shafts);
  ctx.fill(heads);
}

function drawCounter(ctx: CanvasRenderingContext2D, name: string, counter: Counter, top: number,
  x: (t: number) => number, palette: Palette, scene: Scene): void {
  const { view, model: { now } } = scene;
  const series = counter.samples;
  const max = counterTop(counter);
  const y = (v: number) => top + layout.counterHeight - 6 - (v / max) * (layout.counterHeight - 10);
  ctx.fillStyle = palette.muted;
  ctx.fillText(fitText(ctx, counterLabel(name, max, scene.maxLabel), scene.labelWidth - 8 - labelColumn.gap), 8, top + layout.counterHeight / 2);
  ctx.strokeStyle = palette.accent;
  ctx.beginPath();
  // Only the samples in view, from the one that holds its value at the left edge.
  const first = firstVisible(series, view.start, (p) => p.t);
  for (let i = first; i < series.length; i++) {
    const p = series[i]!;
    if (p.t > view.end) break;
    const next = series[i + 1]?.t ?? now;
    if (i === first) ctx.moveTo(x(p.t), y(p.value));
    else ctx.lineTo(x(p.t), y(p.value));
    ctx.lineTo(x(next), y(p.value)); // a counter holds its value until the next sample
  }
  ctx.stroke();
}
