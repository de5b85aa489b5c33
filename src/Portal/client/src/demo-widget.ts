// A demo on a lesson page: parameters, Run/Cancel, live status, timeline and console.
import { HubConnectionState, ISubscription } from "@microsoft/signalr";
import { hub, onConnectionChange } from "./connection";
import { ConsoleView } from "./console-view";
import { EventBatch } from "./events";
import { fill, formatMicros } from "./format";
import { RunModel } from "./run-model";
import { renderSpanTable } from "./span-table";
import { Timeline } from "./timeline";
import { UiText } from "./ui-text";

export class DemoWidget {
  private readonly demoId: string;
  private readonly form: HTMLFormElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly timeline: Timeline;
  private readonly console: ConsoleView;
  private readonly root: HTMLElement;
  private readonly spanTable: HTMLElement;
  private model = new RunModel();
  private runId: string | null = null;
  private subscription: ISubscription<EventBatch> | null = null;
  private startedAt = 0;
  private ticker = 0;

  constructor(root: HTMLElement, private readonly text: UiText) {
    this.root = root;
    this.demoId = root.dataset["demo"]!;
    this.spanTable = root.querySelector("[data-span-table]")!;
    this.form = root.querySelector("form")!;
    this.runButton = root.querySelector("[data-run]")!;
    this.cancelButton = root.querySelector("[data-cancel]")!;
    this.status = root.querySelector("[data-status]")!;
    this.timeline = new Timeline(root.querySelector("[data-timeline]")!, text);
    this.console = new ConsoleView(root.querySelector("[data-console]")!, root.querySelector("[data-lane-filter]")!, root.querySelector("[data-search]")!);
    this.bindTools();

    for (const input of this.form.querySelectorAll<HTMLInputElement>("input[type=range]")) {
      const output = input.parentElement?.querySelector("output");
      input.addEventListener("input", () => output && (output.textContent = input.value));
    }
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.cancelButton.addEventListener("click", () => void this.cancel());
    onConnectionChange((state) => this.onConnectionChange(state));
  }

  /** Timeline toolbar, and the link between a selected span and its console lines. */
  private bindTools(): void {
    const button = (name: string) => this.root.querySelector<HTMLButtonElement>(`[data-${name}]`)!;
    const follow = button("follow");
    const table = button("table");
    button("fit").addEventListener("click", () => this.timeline.fit());
    button("zoom-in").addEventListener("click", () => this.timeline.zoom(0.5));
    button("zoom-out").addEventListener("click", () => this.timeline.zoom(2));
    follow.addEventListener("click", () => this.timeline.followLive());
    this.timeline.onViewChange = () => follow.setAttribute("aria-pressed", String(this.timeline.view.follow));
    table.addEventListener("click", () => {
      const open = this.spanTable.hidden;
      this.spanTable.hidden = !open;
      table.setAttribute("aria-pressed", String(open));
      if (open) renderSpanTable(this.spanTable, this.model, this.text);
    });
    this.timeline.onSelect = (selection) => this.console.highlight(
      selection?.lane ?? null, selection?.span.start, selection ? selection.span.end ?? this.model.now : 0);
    this.console.onPick = (lane, t) => this.timeline.selectAt(lane, t);
  }

  private parameters(): Record<string, number | string> {
    const values: Record<string, number | string> = {};
    for (const input of this.form.querySelectorAll<HTMLInputElement>("input[name]")) {
      values[input.name] = Number(input.value);
    }
    for (const select of this.form.querySelectorAll<HTMLSelectElement>("select[name]")) {
      values[select.name] = select.value;
    }
    return values;
  }

  private async run(): Promise<void> {
    if (this.runId && !this.model.finished) return;
    this.setBusy(true);
    this.setStatus("connecting", this.text["connecting"] ?? "");
    try {
      const connection = await hub();
      this.runId = await connection.invoke<string>("StartRun", this.demoId, this.parameters());
      this.model = new RunModel();
      this.console.clear();
      this.root.querySelectorAll<HTMLElement>("[data-export-trace], [data-export-log]").forEach((a) => (a.hidden = true));
      this.timeline.show(this.model);
      this.watch();
    } catch (error) {
      this.runId = null;
      this.setBusy(false);
      this.setStatus("failed", fill(this.text["error"] ?? "{0}", messageOf(error)));
    }
  }

  private async cancel(): Promise<void> {
    if (!this.runId) return;
    this.cancelButton.disabled = true;
    try {
      await (await hub()).invoke("Cancel", this.runId);
    } catch (error) {
      this.setStatus("failed", fill(this.text["error"] ?? "{0}", messageOf(error)));
    }
  }

  /** Streams the run from the first event not yet seen: after a reconnect nothing is lost and nothing repeats. */
  private watch(): void {
    const runId = this.runId;
    if (!runId) return;
    void hub().then((connection) => {
      this.subscription = connection.stream<EventBatch>("Watch", runId, this.model.nextSeq).subscribe({
        next: (batch) => this.onBatch(batch),
        complete: () => this.onEnd(),
        error: (error) => {
          this.subscription = null;
          if (connection.state !== HubConnectionState.Connected) return; // resumed in onConnectionChange
          this.onEnd();
          this.setStatus("failed", fill(this.text["error"] ?? "{0}", messageOf(error)));
        },
      });
    });
  }

  private onBatch(batch: EventBatch): void {
    const lines = this.model.apply(batch);
    this.console.append(this.model, lines);
    this.timeline.invalidate();
    this.showRunStatus();
  }

  private onEnd(): void {
    this.subscription = null;
    this.setBusy(false);
    this.showRunStatus();
    for (const [name, file] of [["export-trace", "trace.json"], ["export-log", "log.txt"]] as const) {
      const link = this.root.querySelector<HTMLAnchorElement>(`[data-${name}]`)!;
      link.href = `/runs/${this.runId}/${file}`;
      link.hidden = false;
    }
    if (!this.spanTable.hidden) renderSpanTable(this.spanTable, this.model, this.text);
  }

  private onConnectionChange(state: "reconnecting" | "connected"): void {
    if (!this.runId || this.model.finished) return;
    if (state === "reconnecting") {
      this.setStatus("reconnecting", this.text["reconnecting"] ?? "");
    } else if (!this.subscription) {
      this.watch();
    }
  }

  private showRunStatus(): void {
    const status = this.model.status;
    if (!status) return;
    window.clearInterval(this.ticker);
    switch (status.status) {
      case "queued":
        this.setStatus("queued", fill(this.text["queued"] ?? "{0}", status.detail ?? "?"));
        break;
      case "started":
        this.startedAt = performance.now() - this.model.now / 1000;
        this.tick();
        this.ticker = window.setInterval(() => this.tick(), 100);
        break;
      default:
        this.setStatus(status.status, fill(this.text[status.status] ?? status.status, status.status === "completed" ? formatMicros(status.t) : status.detail ?? ""));
        break;
    }
  }

  private tick(): void {
    if (this.model.finished) return;
    this.setStatus("started", fill(this.text["started"] ?? "{0}", formatMicros((performance.now() - this.startedAt) * 1000)));
  }

  private setBusy(busy: boolean): void {
    this.runButton.disabled = busy;
    this.cancelButton.disabled = !busy;
    if (!busy) window.clearInterval(this.ticker);
  }

  private setStatus(kind: string, label: string): void {
    this.status.dataset["kind"] = kind;
    this.status.textContent = label;
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // SignalR prefixes server errors with the invocation details; the learner needs only the reason.
  return message.replace(/^.*HubException: /, "");
}
