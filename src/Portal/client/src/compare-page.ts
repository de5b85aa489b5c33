// Two stored runs on one time axis: each in its own band with its own timeline, both timelines sharing
// one view, so zooming or panning either moves both. Both start at 0: runs are aligned at their start.
import { SharedLabelColumn } from "./label-column";
import { RunModel } from "./run-model";
import { RunStream } from "./run-stream";
import { TimeView } from "./time-view";
import { Timeline } from "./timeline";
import { UiText } from "./ui-text";

export class ComparePage {
  constructor(root: HTMLElement, text: UiText) {
    const view = new TimeView();
    const labels = new SharedLabelColumn();
    const status = root.querySelector<HTMLElement>("[data-status]");
    const bands = [...root.querySelectorAll<HTMLElement>("[data-band]")].map((band) => ({
      runId: band.dataset["runId"]!,
      model: new RunModel(),
      timeline: new Timeline(band.querySelector("[data-timeline]")!, text, view, labels),
      loaded: false,
    }));
    labels.onChange = () => bands.forEach((band) => band.timeline.invalidate());
    for (const band of bands) {
      band.timeline.onViewChange = () => bands.forEach((other) => other !== band && other.timeline.invalidate());
    }
    const showAll = (): void => {
      if (!bands.every((b) => b.loaded)) return;
      // One "now" for both, so fitting either timeline fits the longer run and both keep the same range.
      const now = Math.max(...bands.map((b) => b.model.now));
      bands.forEach((b) => (b.model.now = now));
      bands.forEach((b) => b.timeline.show(b.model));
      if (status) status.hidden = true;
    };
    for (const band of bands) {
      new RunStream(band.runId, () => band.model.nextSeq, {
        batch: (batch) => band.model.apply(batch),
        end: () => {
          band.loaded = true;
          showAll();
        },
        error: (message) => status && (status.textContent = message),
        reconnecting: () => status && (status.textContent = text["reconnecting"] ?? ""),
      });
    }
    const [first] = bands;
    const button = (name: string) => root.querySelector<HTMLButtonElement>(`[data-${name}]`);
    button("fit")?.addEventListener("click", () => first?.timeline.fit());
    button("zoom-in")?.addEventListener("click", () => first?.timeline.zoom(0.5));
    button("zoom-out")?.addEventListener("click", () => first?.timeline.zoom(2));
  }
}

/** The "compare the two ticked runs" button of My runs is enabled when exactly two runs are ticked. */
export function initComparePicker(form: HTMLFormElement): void {
  const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
  const update = (): void => {
    if (submit) submit.disabled = form.querySelectorAll("input[name=run]:checked").length !== 2;
  };
  form.addEventListener("change", update);
  update();
}
