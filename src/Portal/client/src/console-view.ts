// The console: interleaved output lines with time and a coloured lane tag, filterable by lane and
// searchable. Text is inserted as text only: HTML and terminal escapes in output show as characters.
import { OutputEvent } from "./events";
import { formatMicros } from "./format";
import { colorByLane } from "./lane-colors";
import { RunModel } from "./run-model";

export class ConsoleView {
  onPick: (lane: number, t: number) => void = () => {};
  private lane = "";
  private query = "";

  constructor(private readonly list: HTMLOListElement, private readonly laneFilter: HTMLSelectElement, search: HTMLInputElement) {
    laneFilter.addEventListener("change", () => {
      this.lane = laneFilter.value;
      this.applyFilter();
    });
    search.addEventListener("input", () => {
      this.query = search.value.toLowerCase();
      this.applyFilter();
    });
    list.addEventListener("click", (e) => {
      const item = (e.target as HTMLElement).closest("li");
      if (item?.dataset["lane"]) this.onPick(Number(item.dataset["lane"]), Number(item.dataset["t"]));
    });
  }

  clear(): void {
    this.list.replaceChildren();
    this.laneFilter.replaceChildren(this.laneFilter.options[0]!);
    this.lane = "";
  }

  append(model: RunModel, lines: OutputEvent[]): void {
    if (lines.length === 0) return;
    const atBottom = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 24;
    const fragment = document.createDocumentFragment();
    for (const line of lines) {
      const lane = model.lanes.get(line.lane);
      const name = lane?.info.name ?? `#${line.lane}`;
      this.offerLane(line.lane, name);
      const item = document.createElement("li");
      item.dataset["lane"] = String(line.lane);
      item.dataset["t"] = String(line.t);
      if (line.stream === "stderr") item.classList.add("stderr");
      const time = document.createElement("span");
      time.className = "console-time";
      time.textContent = formatMicros(line.t);
      const tag = document.createElement("span");
      tag.className = "console-tag";
      tag.textContent = name;
      colorByLane(tag.style, lane?.index ?? line.lane);
      const text = document.createElement("span");
      text.className = "console-text";
      text.textContent = line.text;
      item.append(time, tag, text);
      item.hidden = !this.matches(item);
      fragment.append(item);
    }
    this.list.append(fragment);
    if (atBottom) this.list.scrollTop = this.list.scrollHeight; // autoscroll pauses while the reader has scrolled up
  }

  /** Highlights the lines a lane printed between `start` and `end` (a selected span); null clears. */
  highlight(lane: number | null, start = 0, end = 0): void {
    let first: HTMLElement | null = null;
    for (const item of this.list.children as HTMLCollectionOf<HTMLElement>) {
      const t = Number(item.dataset["t"]);
      const on = lane !== null && Number(item.dataset["lane"]) === lane && t >= start && t <= end;
      item.classList.toggle("highlight", on);
      if (on && !first) first = item;
    }
    first?.scrollIntoView({ block: "nearest" });
  }

  private offerLane(lane: number, name: string): void {
    const value = String(lane);
    if ([...this.laneFilter.options].some((o) => o.value === value)) return;
    this.laneFilter.append(new Option(name, value));
  }

  private matches(item: HTMLElement): boolean {
    return (!this.lane || item.dataset["lane"] === this.lane) && (!this.query || (item.textContent ?? "").toLowerCase().includes(this.query));
  }

  private applyFilter(): void {
    for (const item of this.list.children as HTMLCollectionOf<HTMLElement>) item.hidden = !this.matches(item);
  }
}
