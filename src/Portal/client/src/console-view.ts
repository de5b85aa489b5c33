// The console: interleaved output lines with time and a coloured lane tag. Text is inserted as text only.
import { OutputEvent } from "./events";
import { formatMicros } from "./format";
import { laneColor } from "./lane-colors";
import { RunModel } from "./run-model";

export class ConsoleView {
  constructor(private readonly list: HTMLOListElement) {}

  clear(): void {
    this.list.replaceChildren();
  }

  append(model: RunModel, lines: OutputEvent[]): void {
    if (lines.length === 0) return;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 24;
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      const lane = model.lanes.get(line.lane);
      const item = document.createElement("li");
      item.dataset["lane"] = String(line.lane);
      if (line.stream === "stderr") item.classList.add("stderr");
      const time = document.createElement("span");
      time.className = "console-time";
      time.textContent = formatMicros(line.t);
      const tag = document.createElement("span");
      tag.className = "console-tag";
      tag.textContent = lane?.info.name ?? `#${line.lane}`;
      tag.style.color = laneColor(lane?.index ?? line.lane);
      const text = document.createElement("span");
      text.className = "console-text";
      text.textContent = line.text;
      item.append(time, tag, text);
      fragment.append(item);
    }
    this.list.append(fragment);
    if (atBottom) this.list.scrollTop = this.list.scrollHeight;
  }
}
