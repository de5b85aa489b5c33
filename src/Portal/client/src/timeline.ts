// The live timeline widget: draws a run, and lets mouse, touch (timeline-pointer) and keyboard zoom, pan, fit, follow
// the newest moment, hover for details and select spans. Drawing is coalesced to one frame at a time.
import { stepSpan } from "./hit-test";
import { wrapText } from "./canvas-text";
import { SharedLabelColumn, labelColumn, labelColumnWidth } from "./label-column";
import { laneColor } from "./lane-colors";
import { Row, layoutRows } from "./lane-layout";
import { RunModel, Span } from "./run-model";
import { readStateColors } from "./state-style";
import { TimeView } from "./time-view";
import { unitFor } from "./axis";
import { Palette, drawScene, layout, sceneHeight } from "./timeline-draw";
import { describeSpan, laneLabel, rowLabel, widestLaneLabel, widestOtherLabel } from "./timeline-labels";
import { TimelinePointer } from "./timeline-pointer";
import { UiText } from "./ui-text";

/** The height of a line of the empty timeline's note. */
const noteLine = 17;

export interface Selection {
  lane: number;
  span: Span;
}

export class Timeline {
  onSelect: (selection: Selection | null) => void = () => {};
  onViewChange: () => void = () => {};
  private readonly canvas: HTMLCanvasElement;
  private model: RunModel | null = null;
  private rows: Row[] = [];
  private readonly collapsed = new Set<number>();
  /** Each OS thread's place in the lane palette. */
  private readonly threadColors = new Map<number, number>();
  private selected: Selection | null = null;
  private pending = false;
  private themeColors: Palette | null = null;
  private rowsSaid: { key: string; said: { rows: string; labels: string } } | null = null;
  private watchingTheme = false;
  /** The label column's width in the last frame drawn: pointer events must find what that frame showed. */
  private labelWidth = labelColumn.min;
  /** How far the longest lane label reaches, measured again only when lanes come (or the model or font changes). */
  private readonly laneLabels = { model: null as RunModel | null, lanes: -1, font: "", widest: 0 };

  /**
   * `view` and `labels` may be shared with other timelines (a comparison): they then show the same time range, and
   * their plots start at the same x.
   */
  constructor(private readonly root: HTMLElement, private readonly text: UiText, readonly view = new TimeView(),
    private readonly labels: SharedLabelColumn | null = null) {
    this.canvas = root.querySelector("canvas")!;
    this.canvas.tabIndex = 0;
    new ResizeObserver(() => this.invalidate()).observe(root);
    new TimelinePointer(this.canvas, root.querySelector("[data-tip]")!, {
      view,
      model: () => this.model,
      rows: () => this.rows,
      labelWidth: () => this.labelWidth,
      fold: (lane) => {
        if (!this.collapsed.delete(lane)) this.collapsed.add(lane);
        this.invalidate();
      },
      changed: () => this.changed(),
      select: (selection) => this.select(selection),
      describe: (row, span) => this.describe(row, span),
      maxLabel: () => this.maxLabel(),
    });
    this.canvas.addEventListener("keydown", (e) => this.onKey(e));
    this.invalidate();
  }

  show(model: RunModel): void {
    this.model = model;
    this.threadColors.clear();
    this.collapsed.clear();
    this.selected = null;
    this.view.fit(model.now);
    this.invalidate();
  }

  /** Draws `model` instead, keeping the view, selection aside (a replay moving to another moment). */
  replace(model: RunModel): void {
    this.model = model;
    this.selected = null;
    this.invalidate();
  }

  /** Selects the span of `lane` that covers moment `t` (from a click in the console). */
  selectAt(lane: number, t: number): void {
    const span = this.model?.lanes.get(lane)?.spans.find((s) => s.start <= t && t <= (s.end ?? this.model!.now));
    if (span) this.select({ lane, span });
  }

  zoom(factor: number): void {
    this.view.zoom(factor, this.selected?.span.start);
    this.changed();
  }

  fit(): void {
    this.view.fit(this.model?.now ?? 1);
    this.changed();
  }

  followLive(): void {
    this.view.follow = true;
    this.view.update(this.model?.now ?? 1);
    this.changed();
  }

  invalidate(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  private changed(): void {
    this.invalidate();
    this.onViewChange();
  }

  private draw(): void {
    const model = this.model;
    this.rows = model ? layoutRows([...model.lanes.values()], this.collapsed) : [];
    if (model) this.view.update(model.now);
    const width = Math.max(320, this.root.clientWidth);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const palette = this.palette();
    ctx.font = palette.font;
    // Nothing to draw yet: a note in the middle of the canvas, in as many lines as its width needs.
    const note = !model || this.rows.length === 0 ? wrapText(ctx, this.text["noLanes"] ?? "", width - 24) : null;
    const height = note ? Math.max(layout.axisHeight + layout.rowHeight + 8, note.length * noteLine + 24) : sceneHeight({ model: model!, rows: this.rows });
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio); // resizing reallocates the canvas (and resets its font): only when it changes
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.height = `${height}px`;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = palette.font;
    ctx.textBaseline = "middle";
    if (model) this.labelWidth = this.labelColumnFor(ctx, model, width);
    // What is drawn, in words, for tests and assistive tools: the range, the lane rows in order and the axis unit.
    // Written only when it changes: a live view draws sixty times a second.
    const said = {
      start: String(Math.round(this.view.start)),
      end: String(Math.round(this.view.end)),
      follow: String(this.view.follow),
      ...this.saidRows(),
      unit: unitFor(this.view.end - this.view.start),
    };
    for (const [key, value] of Object.entries(said)) {
      if (this.root.dataset[key] !== value) this.root.dataset[key] = value;
    }
    if (!model || note) {
      ctx.fillStyle = palette.muted;
      ctx.textAlign = "center";
      note?.forEach((line, i) => ctx.fillText(line, width / 2, height / 2 + (i - (note.length - 1) / 2) * noteLine));
      ctx.textAlign = "start";
      return;
    }
    drawScene(ctx, {
      model, rows: this.rows, view: this.view, width, selected: this.selected?.span ?? null, labelWidth: this.labelWidth,
      threadColor: (tid) => this.threadColor(tid), coreLabel: this.coreLabel(), maxLabel: this.maxLabel(),
    }, palette);
  }

  /**
   * The lane rows in words (names, and as drawn: with fold marks), joined again only when rows were added or a group
   * folded, not on each of a live view's sixty frames a second.
   */
  private saidRows(): { rows: string; labels: string } {
    const key = `${this.rows.length}/${this.collapsed.size}`; // lanes are only added, and a fold changes the set
    if (this.rowsSaid?.key !== key) {
      this.rowsSaid = { key, said: { rows: this.rows.map((r) => laneLabel(r)).join("|"), labels: this.rows.map((r) => rowLabel(r)).join("|") } };
    }
    return this.rowsSaid.said;
  }

  private coreLabel(): string {
    return this.text["core"] ?? "core";
  }

  private maxLabel(): string {
    return this.text["max"] ?? "max {0}";
  }

  /** The label column for `model` on a canvas `width` wide: fits the longest label of any lane, collapsed or not. */
  private labelColumnFor(ctx: CanvasRenderingContext2D, model: RunModel, width: number): number {
    const lanes = this.laneLabels;
    if (lanes.model !== model || lanes.lanes !== model.lanes.size || lanes.font !== ctx.font) {
      lanes.model = model;
      lanes.lanes = model.lanes.size;
      lanes.font = ctx.font;
      lanes.widest = widestLaneLabel(ctx, layoutRows([...model.lanes.values()], new Set()));
    }
    const widest = Math.max(lanes.widest, widestOtherLabel(ctx, model, this.coreLabel(), this.maxLabel()));
    const column = labelColumnWidth(width, widest);
    return this.labels ? this.labels.want(this, column) : column;
  }

  /** The theme's colours and monospace font, read once and again only when the theme changes (reading styles every frame costs). */
  private palette(): Palette {
    if (this.themeColors) return this.themeColors;
    if (!this.watchingTheme) {
      this.watchingTheme = true;
      const changed = () => {
        this.themeColors = null;
        this.invalidate();
      };
      new MutationObserver(changed).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "class", "style"] });
      matchMedia("(prefers-color-scheme: dark)").addEventListener("change", changed);
    }
    const style = getComputedStyle(this.root);
    readStateColors(style);
    const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const mono = get("--mono", "monospace");
    this.themeColors = {
      ink: get("--ink", "#222"), muted: get("--muted", "#666"), rule: get("--rule", "#ddd"), accent: get("--accent", "#1f5f8b"),
      font: `12px ${mono}`, smallFont: `11px ${mono}`, dark: style.colorScheme === "dark",
    };
    return this.themeColors;
  }

  /** Each OS thread seen running a task gets the next colour, so two threads never share one. */
  private threadColor(tid: number): string {
    let index = this.threadColors.get(tid);
    if (index === undefined) {
      index = this.threadColors.size;
      this.threadColors.set(tid, index);
    }
    return laneColor(index, this.palette().dark);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.model) return;
    const step = this.view.span / 10;
    const row = this.selected ? this.rows.findIndex((r) => r.lane.info.lane === this.selected!.lane) : -1;
    switch (e.key) {
      case "+": case "=": this.zoom(0.5); break;
      case "-": case "_": this.zoom(2); break;
      case "f": case "F": case "0": this.fit(); break;
      case "l": case "L": this.followLive(); break;
      case "ArrowLeft": case "ArrowRight": {
        const direction = e.key === "ArrowLeft" ? -1 : 1;
        if (e.shiftKey) {
          this.view.pan(direction * step);
          this.changed();
        } else {
          this.moveSelection(Math.max(row, 0), direction);
        }
        break;
      }
      case "ArrowUp": case "ArrowDown":
        this.moveSelection(Math.min(this.rows.length - 1, Math.max(0, row + (e.key === "ArrowUp" ? -1 : 1))), 0);
        break;
      case "Escape": this.select(null); break;
      default: return;
    }
    e.preventDefault();
  }

  /** Moves to the next/previous span in row `row` (step 0: the span nearest the current one in time). */
  private moveSelection(row: number, step: -1 | 0 | 1): void {
    const lane = this.rows[row]?.lane;
    if (!lane) return;
    const current = this.selected?.lane === lane.info.lane ? this.selected.span : null;
    const span = step === 0
      ? lane.spans.find((s) => s.start >= (this.selected?.span.start ?? 0)) ?? lane.spans.at(-1) ?? null
      : stepSpan(lane.spans, current, step);
    if (span) this.select({ lane: lane.info.lane, span });
  }

  private describe(row: Row, span: Span): string {
    return describeSpan(row, span, this.model?.now ?? 0, this.coreLabel(), this.text);
  }

  private select(selection: Selection | null): void {
    this.selected = selection;
    if (selection && this.model) {
      this.view.reveal(selection.span.start, selection.span.end ?? this.model.now);
      const row = this.rows.find((r) => r.lane.info.lane === selection.lane);
      this.canvas.setAttribute("aria-label", row ? this.describe(row, selection.span) : "");
    }
    this.invalidate();
    this.onSelect(selection);
  }
}
