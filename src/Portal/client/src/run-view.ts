// A run on screen (the RunView markup): the timeline with its toolbar, the table view, the console, and
// the downloads. The demo widget feeds it live; the run page feeds it a replay.
import { ConsoleView } from "./console-view";
import { OutputEvent } from "./events";
import { RunModel } from "./run-model";
import { renderSpanTable } from "./span-table";
import { Timeline } from "./timeline";
import { UiText } from "./ui-text";

/**
 * Points `link` at `href`, or disables it (null): a link with nothing to open yet stays in its place, greyed, so that
 * nothing around it moves when it gets somewhere to go.
 */
export function offerLink(link: HTMLAnchorElement, href: string | null): void {
  if (href) {
    link.href = href;
    link.removeAttribute("aria-disabled");
  } else {
    link.removeAttribute("href");
    link.setAttribute("aria-disabled", "true");
  }
}

export class RunView {
  readonly timeline: Timeline;
  private readonly console: ConsoleView;
  private readonly spanTable: HTMLElement;
  private readonly follow: HTMLButtonElement;
  private model = new RunModel();
  private live = true;

  constructor(private readonly root: HTMLElement, private readonly text: UiText) {
    this.timeline = new Timeline(root.querySelector("[data-timeline]")!, text);
    this.console = new ConsoleView(root.querySelector("[data-console]")!, root.querySelector("[data-lane-filter]")!, root.querySelector("[data-search]")!);
    this.spanTable = root.querySelector("[data-span-table]")!;
    this.follow = root.querySelector("[data-follow-live]")!;
    this.bindTools();
  }

  /** Starts showing `model` from scratch: view fitted, console emptied. */
  show(model: RunModel): void {
    this.replace(model);
    this.timeline.show(model);
  }

  /** Shows `model` in place of the current one, keeping the view (a replay moving back in time). */
  replace(model: RunModel): void {
    this.model = model;
    this.console.clear();
    this.console.append(model, model.output);
    this.timeline.replace(model);
    this.refreshTable();
  }

  /** The model gained events; `lines` are the output lines among them. */
  grew(lines: OutputEvent[]): void {
    this.console.append(this.model, lines);
    this.timeline.invalidate();
  }

  /** Offers the downloads of a stored run, or disables them (null). */
  offerExports(runId: string | null): void {
    for (const [name, file] of [["export-trace", "trace.json"], ["export-log", "log.txt"]] as const) {
      offerLink(this.root.querySelector<HTMLAnchorElement>(`[data-${name}]`)!, runId && `/runs/${runId}/${file}`);
    }
  }

  /**
   * Whether the run shown is still going. Only then is there a newest moment to follow: once it has ended (or before
   * it starts) "Follow live" is off and disabled, whatever the view does.
   */
  setLive(live: boolean): void {
    this.live = live;
    this.showFollow();
  }

  private showFollow(): void {
    this.follow.disabled = !this.live;
    this.follow.setAttribute("aria-pressed", String(this.live && this.timeline.view.follow));
  }

  refreshTable(): void {
    if (!this.spanTable.hidden) renderSpanTable(this.spanTable, this.model, this.text);
  }

  /** Timeline toolbar, and the link between a selected span and its console lines. */
  private bindTools(): void {
    const button = (name: string) => this.root.querySelector<HTMLButtonElement>(`[data-${name}]`)!;
    const table = button("table");
    button("fit").addEventListener("click", () => this.timeline.fit());
    button("zoom-in").addEventListener("click", () => this.timeline.zoom(0.5));
    button("zoom-out").addEventListener("click", () => this.timeline.zoom(2));
    this.follow.addEventListener("click", () => this.timeline.followLive());
    this.timeline.onViewChange = () => this.showFollow();
    table.addEventListener("click", () => {
      const open = this.spanTable.hidden;
      this.spanTable.hidden = !open;
      table.setAttribute("aria-pressed", String(open));
      this.refreshTable();
    });
    this.timeline.onSelect = (selection) => this.console.highlight(
      selection?.lane ?? null, selection?.span.start, selection ? selection.span.end ?? this.model.now : 0);
    this.console.onPick = (lane, t) => this.timeline.selectAt(lane, t);
  }
}
