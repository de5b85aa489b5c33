// Interface text in the page's language, sent by the server as JSON (UiText.Client).
import { RunStatusEvent } from "./events";
import { fill, formatMicros } from "./format";

export type UiText = Readonly<Record<string, string>>;

export function readUiText(): UiText {
  const element = document.getElementById("ui-text");
  return element?.textContent ? (JSON.parse(element.textContent) as UiText) : {};
}

/** A run's final status in words: "Completed in 1.25 s", "Timed out: wall time of 10 s reached". */
export function endLabel(status: RunStatusEvent, text: UiText): string {
  return fill(text[status.status] ?? status.status, status.status === "completed" ? formatMicros(status.t) : status.detail ?? "");
}
