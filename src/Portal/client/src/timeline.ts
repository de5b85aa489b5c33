// The timeline: one lane per process, thread or task, spans coloured by state, a time axis on top.
// Drawn on a canvas; redraws are coalesced to one per animation frame.
import { formatMicros } from "./format";
import { laneColor } from "./lane-colors";
import { LaneModel, RunModel } from "./run-model";
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
  /** Each OS thread seen running a task gets the next colour, so two threads never share one. */
  private readonly threadColors = new Map<number, string>();

  constructor(private readonly root: HTMLElement, private readonly text: UiText) {
    this.canvas = root.querySelector("canvas")!;
    new ResizeObserver(() => this.invalidate()).observe(root);
    this.invalidate();
  }

  show(model: RunModel): void {
    this.model = model;
    this.threadColors.clear();
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
    const lanes = this.model ? displayOrder([...this.model.lanes.values()]) : [];
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

    for (const [row, lane] of lanes.entries()) {
      const top = axisHeight + row * rowHeight;
      ctx.fillStyle = ink;
      const indent = 8 + lane.depth * 12;
      ctx.fillText(fitText(ctx, laneLabel(lane), labelWidth - indent - 4), indent, top + rowHeight / 2);
      for (const s of lane.spans) {
        const x0 = x(s.start);
        const x1 = Math.max(x0 + 1, x(s.end ?? model.now));
        ctx.globalAlpha = s.inferred ? 0.5 : 1;
        ctx.fillStyle = stateFill(ctx, s.state);
        ctx.fillRect(x0, top + (rowHeight - barHeight) / 2, x1 - x0, barHeight);
        ctx.globalAlpha = 1;
        if (s.tid !== undefined) {
          // A task has no thread of its own: underline each slice in the colour of the thread that ran it.
          ctx.fillStyle = this.threadColor(s.tid);
          ctx.fillRect(x0, top + (rowHeight + barHeight) / 2, x1 - x0, 3);
        }
        const core = s.state === "running" && s.core !== undefined ? `${this.text["core"] ?? "core"} ${s.core}` : "";
        if (core && ctx.measureText(core).width + 8 <= x1 - x0) {
          ctx.fillStyle = "#fff";
          ctx.fillText(core, x0 + 4, top + rowHeight / 2);
        }
      }
    }
  }

  private threadColor(tid: number): string {
    let color = this.threadColors.get(tid);
    if (!color) {
      color = laneColor(this.threadColors.size);
      this.threadColors.set(tid, color);
    }
    return color;
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

/** Lanes in appearance order, except that what runs inside a process is listed right under it. */
function displayOrder(lanes: LaneModel[]): LaneModel[] {
  const inside = new Map<number, LaneModel[]>();
  const byId = new Map(lanes.map((l) => [l.info.lane, l]));
  const top: LaneModel[] = [];
  for (const lane of lanes) {
    const parent = lane.info.parent === undefined ? undefined : byId.get(lane.info.parent);
    if (parent?.info.kind === "process") {
      inside.set(parent.info.lane, [...(inside.get(parent.info.lane) ?? []), lane]);
    } else {
      top.push(lane);
    }
  }
  const ordered: LaneModel[] = [];
  const visit = (lane: LaneModel): void => {
    ordered.push(lane);
    (inside.get(lane.info.lane) ?? []).forEach(visit);
  };
  top.forEach(visit);
  return ordered;
}

/** Name and the real id that matters for the kind: pid for a process, tid for a thread. */
function laneLabel(lane: LaneModel): string {
  const { kind, name, pid, tid } = lane.info;
  if (kind === "process") return `${name} · pid ${pid}`;
  if (kind === "thread") return `${name} · tid ${tid ?? "?"}`;
  return name;
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
