// The timeline as a table, for screen readers and for reading exact figures:
// "T3 · blocked on lockA · 120 ms · woken by T1".
import { formatMicros } from "./format";
import { RunModel } from "./run-model";
import { UiText } from "./ui-text";

export function renderSpanTable(container: HTMLElement, model: RunModel, text: UiText): void {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const key of ["lane", "state", "start", "duration", "wokenBy"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text[key] ?? key;
    head.append(th);
  }
  const body = table.createTBody();
  for (const lane of model.lanes.values()) {
    for (const span of lane.spans) {
      const end = span.end ?? model.now;
      // The mark that ended a wait, linked to this lane, names who woke it.
      const waker = span.state !== "running" ? model.marks.find((m) => m.link === lane.info.lane && Math.abs(m.t - end) < 2_000) : undefined;
      const row = body.insertRow();
      for (const value of [
        lane.info.name,
        `${text[span.state] ?? span.state}${span.on ? ` (${span.on})` : ""}`,
        formatMicros(span.start),
        formatMicros(end - span.start),
        waker ? model.lanes.get(waker.lane)?.info.name ?? "" : "",
      ]) {
        row.insertCell().textContent = value;
      }
    }
  }
  container.replaceChildren(table);
}
