// The timeline: one lane per process, thread or task, spans coloured by state, a time axis on top.
// Drawn on a canvas; redraws are coalesced to one per animation frame.
import { formatMicros } from "./format";
import { RunModel } from "./run-model";
import { stateFill } from "./state-style";
import { UiText } from "./ui-text";

const rowHeight = 26;
const barHeight = 16;
const axisHeight = 28;
const labelWidth = 170;
const padRight = 16;

export class Timeline {
  private readonly canvas: HTMLCanvasElement;
  private model: RunModel | null = null;
  private pending = false;

  constructor(private readonly root: HTMLElement, private readonly text: UiText) {
    this.canvas = root.querySelector("canvas")!;
    new ResizeObserver(() => this.invalidate()).observe(root);
    this.invalidate();
  }

  show(model: RunModel): void {
    this.model = model;
    this.invalidate();
  }

  invalidate(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private draw(): void {
    const lanes = this.model ? [...this.model.lanes.values()] : [];
    const width = Math.max(320, this.root.clientWidth);
    const height = axisHeight + Math.max(1, lanes.length) * rowHeight + 8;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const style = getComputedStyle(this.root);
    const ink = style.getPropertyValue("--ink").trim() || "#222";
    const muted = style.getPropertyValue("--muted").trim() || "#666";
    const rule = style.getPropertyValue("--rule").trim() || "#ddd";
    ctx.clearRect(0, 0, width, height);
    ctx.font = "12px ui-monospace, 'JetBrains Mono', 'Noto Sans Mono CJK SC', monospace";
    ctx.textBaseline = "middle";

    if (!this.model || lanes.length === 0) {
      ctx.fillStyle = muted;
      ctx.fillText(this.text["noLanes"] ?? "", 12, axisHeight + rowHeight / 2);
      return;
    }

    const model = this.model;
    const span = Math.max(model.now, 1);
    const plotWidth = width - labelWidth - padRight;
    const x = (t: number) => labelWidth + (t / span) * plotWidth;

    this.drawAxis(ctx, span, x, width, height, muted, rule);

    for (const lane of lanes) {
      const top = axisHeight + lane.index * rowHeight;
      ctx.fillStyle = ink;
      const label = `${lane.info.name} · ${lane.info.tid ?? lane.info.pid}`;
      ctx.fillText(fitText(ctx, label, labelWidth - 12), 8, top + rowHeight / 2);
      for (const s of lane.spans) {
        const x0 = x(s.start);
        const x1 = Math.max(x0 + 1, x(s.end ?? model.now));
        ctx.globalAlpha = s.inferred ? 0.5 : 1;
        ctx.fillStyle = stateFill(ctx, s.state);
        ctx.fillRect(x0, top + (rowHeight - barHeight) / 2, x1 - x0, barHeight);
        ctx.globalAlpha = 1;
        if (s.state === "running" && s.core !== undefined && x1 - x0 > 26) {
          ctx.fillStyle = "#fff";
          ctx.fillText(`${this.text["core"] ?? "core"} ${s.core}`.slice(0, Math.floor((x1 - x0 - 6) / 7)), x0 + 4, top + rowHeight / 2);
        }
      }
    }
  }

  private drawAxis(ctx: CanvasRenderingContext2D, span: number, x: (t: number) => number, width: number, height: number, muted: string, rule: string): void {
    const step = niceStep(span / Math.max(2, Math.floor((width - labelWidth) / 110)));
    ctx.strokeStyle = rule;
    ctx.fillStyle = muted;
    ctx.lineWidth = 1;
    for (let t = 0; t <= span; t += step) {
      const px = Math.round(x(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(px, axisHeight - 6);
      ctx.lineTo(px, height);
      ctx.stroke();
      ctx.fillText(formatMicros(t), px + 3, axisHeight / 2 - 2);
    }
  }
}

/** 1, 2 or 5 times a power of ten, at least the given raw step. */
function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(text.slice(0, end) + "…").width > max) end--;
  return text.slice(0, end) + "…";
}
