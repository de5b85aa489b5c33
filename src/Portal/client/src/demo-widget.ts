// A demo on a lesson page: parameters, Run/Cancel, live status, the run's view, and links to the
// stored run and to a comparison with the previous run.
import { hub, hubErrorMessage } from "./connection";
import { EventBatch } from "./events";
import { fill, formatMicros } from "./format";
import { RunModel } from "./run-model";
import { RunStream } from "./run-stream";
import { RunView, offerLink } from "./run-view";
import { UiText, endLabel } from "./ui-text";

export class DemoWidget {
  private readonly demoId: string;
  private readonly form: HTMLFormElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly view: RunView;
  private model = new RunModel();
  private runId: string | null = null;
  private previousRunId: string | null = null;
  private stream: RunStream | null = null;
  private startedAt = 0;
  private ticker = 0;

  constructor(private readonly root: HTMLElement, private readonly text: UiText) {
    this.demoId = root.dataset["demo"]!;
    this.form = root.querySelector("form")!;
    this.runButton = root.querySelector("[data-run]")!;
    this.cancelButton = root.querySelector("[data-cancel]")!;
    this.status = root.querySelector("[data-status]")!;
    this.view = new RunView(root, text);
    this.view.setLive(false); // nothing runs yet

    for (const input of this.form.querySelectorAll<HTMLInputElement>("input[type=range]")) {
      const output = input.parentElement?.querySelector("output");
      input.addEventListener("input", () => output && (output.textContent = input.value));
    }
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.cancelButton.addEventListener("click", () => void this.cancel());
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
      const runId = await connection.invoke<string>("StartRun", this.demoId, this.parameters());
      if (this.runId) this.previousRunId = this.runId;
      this.runId = runId;
      this.model = new RunModel();
      this.view.offerExports(null);
      this.offerRunLinks();
      this.view.show(this.model);
      this.view.setLive(true);
      this.stream = new RunStream(runId, () => this.model.nextSeq, {
        batch: (batch) => this.onBatch(batch),
        end: () => this.onEnd(),
        error: (message) => this.onEnd(message),
        reconnecting: () => this.setStatus("reconnecting", this.text["reconnecting"] ?? ""),
      });
    } catch (error) {
      this.setBusy(false);
      this.setStatus("failed", fill(this.text["error"] ?? "{0}", hubErrorMessage(error)));
    }
  }

  private async cancel(): Promise<void> {
    if (!this.runId) return;
    this.cancelButton.disabled = true;
    try {
      await (await hub()).invoke("Cancel", this.runId);
    } catch (error) {
      this.setStatus("failed", fill(this.text["error"] ?? "{0}", hubErrorMessage(error)));
    }
  }

  private onBatch(batch: EventBatch): void {
    this.view.grew(this.model.apply(batch));
    this.showRunStatus();
  }

  /** The stream ended: the run is over, or watching it failed with `error`. */
  private onEnd(error?: string): void {
    this.stream = null;
    this.setBusy(false);
    this.view.setLive(false);
    if (error === undefined) this.showRunStatus();
    else this.setStatus("failed", fill(this.text["error"] ?? "{0}", error));
    this.view.offerExports(this.runId);
    this.view.refreshTable();
    this.offerRunLinks(this.runId);
  }

  /** The stored run's page, and a comparison with the run before it in this widget; disabled while `runId` is null. */
  private offerRunLinks(runId: string | null = null): void {
    const links = this.root.querySelector<HTMLElement>("[data-run-links]");
    if (!links) return;
    offerLink(links.querySelector("[data-open-run]")!, runId && `/runs/${runId}`);
    offerLink(links.querySelector("[data-compare-previous]")!, runId && this.previousRunId && `/compare?run=${this.previousRunId}&run=${runId}`);
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
        this.setStatus(status.status, endLabel(status, this.text));
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
