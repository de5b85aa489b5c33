// Mouse, touch and trackpad on the timeline's canvas: drag to pan, shift-drag to show a range, sideways wheel to pan,
// pinch (ctrl+wheel) to zoom, click or tap to select a span or fold a lane, and a tooltip on hover (or tap).
import { fitText, textWidth } from "./canvas-text";
import { Geometry, Hit, spanAt } from "./hit-test";
import { labelColumn } from "./label-column";
import { Row } from "./lane-layout";
import { RunModel, Span } from "./run-model";
import { TimeView } from "./time-view";
import type { Selection } from "./timeline";
import { labelAt, layout } from "./timeline-draw";
import { foldMark, onFoldMark } from "./timeline-labels";

/** The timeline, as far as the pointer acts on it. */
export interface PointerTarget {
  readonly view: TimeView;
  model(): RunModel | null;
  /** The rows and the label column's width of the last frame drawn: a pointer must find what that frame showed. */
  rows(): Row[];
  labelWidth(): number;
  /** Folds a lane that holds others, or unfolds it. */
  fold(lane: number): void;
  /** The view moved: draw again, and say so. */
  changed(): void;
  select(selection: Selection | null): void;
  describe(row: Row, span: Span): string;
  maxLabel(): string;
}

export class TimelinePointer {
  private drag: { x: number; start: number; range: boolean } | null = null;
  private tipTimer = 0;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly tip: HTMLElement, private readonly target: PointerTarget) {
    canvas.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    canvas.addEventListener("pointerdown", (e) => this.onPointerDown(e));
    canvas.addEventListener("pointermove", (e) => this.onPointerMove(e));
    canvas.addEventListener("pointerup", (e) => this.onPointerUp(e));
    // A finger leaves as it lifts: its tip stays a moment (see onPointerDown).
    canvas.addEventListener("pointerleave", (e) => e.pointerType !== "touch" && (tip.hidden = true));
  }

  private geometry(): Geometry {
    const left = this.target.labelWidth();
    return { top: layout.axisHeight, rowHeight: layout.rowHeight, left, width: this.canvas.clientWidth - left - layout.padRight };
  }

  private hit(e: PointerEvent): Hit | null {
    const box = this.canvas.getBoundingClientRect();
    const model = this.target.model();
    return model ? spanAt(this.target.rows(), this.target.view, model.now, this.geometry(), e.clientX - box.left, e.clientY - box.top) : null;
  }

  private onWheel(e: WheelEvent): void {
    if (!this.target.model()) return;
    const view = this.target.view;
    const g = this.geometry();
    const at = view.toTime(e.clientX - this.canvas.getBoundingClientRect().left, g.left, g.width);
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault(); // pinch-zoom arrives as ctrl+wheel
      view.zoom(Math.exp(e.deltaY * 0.01), at);
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      view.pan(((e.shiftKey ? e.deltaY : e.deltaX) / g.width) * view.span);
    } else {
      return;
    }
    this.target.changed();
  }

  private onPointerDown(e: PointerEvent): void {
    const box = this.canvas.getBoundingClientRect();
    const x = e.clientX - box.left;
    const touch = e.pointerType === "touch";
    const inLabels = x < this.target.labelWidth();
    if (inLabels) {
      // A mouse folds a group from anywhere on its label, and hovering shows a label cut short. A finger has no hover:
      // only a tap on the fold mark folds, and a tap on the rest of the label shows the whole of it.
      const row = this.target.rows()[Math.floor((e.clientY - box.top - layout.axisHeight) / layout.rowHeight)];
      const ctx = this.canvas.getContext("2d");
      if (row && row.children > 0 && (!touch || (ctx && onFoldMark(row, x, textWidth(ctx, foldMark(row)))))) {
        this.tip.hidden = true;
        this.target.fold(row.lane.info.lane);
        return;
      }
    }
    if (touch) {
      // No hover on a touch screen: a tap shows what hovering would, for a few seconds.
      this.showTip(e);
      window.clearTimeout(this.tipTimer);
      this.tipTimer = window.setTimeout(() => (this.tip.hidden = true), 3000);
    }
    if (inLabels) return;
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { x, start: this.target.view.start, range: e.shiftKey };
  }

  private onPointerMove(e: PointerEvent): void {
    const box = this.canvas.getBoundingClientRect();
    if (this.drag && !this.drag.range && Math.abs(e.clientX - box.left - this.drag.x) > 3) {
      const view = this.target.view;
      view.pan(this.drag.start - view.start - ((e.clientX - box.left - this.drag.x) / this.geometry().width) * view.span);
      this.target.changed();
      return;
    }
    this.showTip(e);
  }

  private onPointerUp(e: PointerEvent): void {
    const drag = this.drag;
    this.drag = null;
    if (!drag) return;
    const box = this.canvas.getBoundingClientRect();
    const moved = Math.abs(e.clientX - box.left - drag.x);
    if (drag.range && moved > 3) {
      const { view } = this.target;
      const g = this.geometry();
      view.show(view.toTime(drag.x, g.left, g.width), view.toTime(e.clientX - box.left, g.left, g.width));
      this.target.changed();
    } else if (moved <= 3) {
      const hit = this.hit(e);
      this.target.select(hit ? { lane: this.target.rows()[hit.row]!.lane.info.lane, span: hit.span } : null);
    }
  }

  /** The tooltip for what is under the pointer: a span's description, or a label the column shows cut short. */
  private showTip(e: PointerEvent): void {
    const box = this.canvas.getBoundingClientRect();
    const hit = this.hit(e);
    const tip = hit ? this.target.describe(this.target.rows()[hit.row]!, hit.span)
      : this.cutLabelAt(e.clientX - box.left, e.clientY - box.top);
    this.tip.hidden = !tip;
    if (tip) {
      this.tip.textContent = tip;
      this.tip.style.left = `${Math.max(0, Math.min(e.clientX - box.left + 12, box.width - 260))}px`;
      this.tip.style.top = `${e.clientY - box.top + 14}px`;
    }
  }

  /** The whole label under the pointer when the label column shows it cut short, else null. */
  private cutLabelAt(x: number, y: number): string | null {
    const ctx = this.canvas.getContext("2d");
    const model = this.target.model();
    const labelWidth = this.target.labelWidth();
    const label = model && ctx && x < labelWidth ? labelAt(model, this.target.rows(), this.target.maxLabel(), y) : null;
    if (!label || !ctx) return null;
    const room = labelWidth - label.x - labelColumn.gap;
    return fitText(ctx, label.text, room) !== label.text ? label.text : null;
  }
}
