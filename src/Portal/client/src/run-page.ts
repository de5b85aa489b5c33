// The page of one stored run: loads it (live if it is still going), then replays it: a scrubber to any
// moment, play/pause and a speed from 0.25× to 8×. Also copies the share link.
import { EventBatch, RunEvent } from "./events";
import { formatMicros } from "./format";
import { Replay } from "./replay";
import { RunModel } from "./run-model";
import { RunStream } from "./run-stream";
import { RunView } from "./run-view";
import { UiText, endLabel } from "./ui-text";

export class RunPage {
  private readonly view: RunView;
  private readonly play: HTMLButtonElement;
  private readonly scrubber: HTMLInputElement;
  private readonly cursor: HTMLOutputElement;
  private readonly speed: HTMLSelectElement;
  private readonly events: RunEvent[] = [];
  private live = new RunModel();
  private replay: Replay | null = null;
  private playing = 0;

  constructor(private readonly root: HTMLElement, private readonly text: UiText) {
    const replay = root.querySelector<HTMLElement>("[data-replay]")!;
    this.play = replay.querySelector("[data-play]")!;
    this.scrubber = replay.querySelector("[data-scrubber]")!;
    this.cursor = replay.querySelector("[data-cursor]")!;
    this.speed = replay.querySelector("[data-speed]")!;
    this.view = new RunView(root, text);
    this.view.show(this.live);
    this.bindShare();
    this.play.addEventListener("click", () => (this.playing ? this.pause() : this.start()));
    this.scrubber.addEventListener("input", () => {
      this.pause();
      this.seek(Number(this.scrubber.value));
    });
    this.scrubber.addEventListener("keydown", (e) => this.onScrubberKey(e));
    new RunStream(root.dataset["runId"]!, () => this.live.nextSeq, {
      batch: (batch) => this.onBatch(batch),
      end: () => this.onEnd(),
      error: (message) => (this.cursor.textContent = message),
      reconnecting: () => (this.cursor.textContent = text["reconnecting"] ?? ""),
    });
  }

  private onBatch(batch: EventBatch): void {
    this.events.push(...batch.events.slice(Math.max(0, this.live.nextSeq - batch.first)));
    this.view.grew(this.live.apply(batch));
    this.cursor.textContent = formatMicros(this.live.now);
  }

  /** Every event is here: from now on the page is a replay, showing the end until the learner scrubs. */
  private onEnd(): void {
    const replay = this.replay = new Replay(this.events);
    replay.seek(replay.duration);
    this.view.replace(replay.model);
    this.view.timeline.view.show(0, Math.max(replay.duration, 1));
    this.view.timeline.onViewChange();
    this.view.setLive(false); // a replay has no live edge to follow: the scrubber is its "now"
    this.scrubber.max = String(replay.duration);
    this.scrubber.step = "any";
    this.scrubber.value = String(replay.duration);
    this.scrubber.disabled = false;
    this.play.disabled = false;
    this.showCursor();
    const status = this.live.status;
    const chip = this.root.querySelector<HTMLElement>(".status-chip");
    if (status && chip && chip.dataset["status"] !== status.status) {
      chip.dataset["status"] = status.status;
      chip.textContent = endLabel(status, this.text);
    }
  }

  private seek(t: number): void {
    const replay = this.replay;
    if (!replay) return;
    const { rebuilt, lines } = replay.seek(t);
    if (rebuilt) this.view.replace(replay.model);
    else this.view.grew(lines);
    this.showCursor();
  }

  /** The scrubber moves by any amount (step "any"), so keys move it by a share of the run instead of by 1 µs. */
  private onScrubberKey(e: KeyboardEvent): void {
    const replay = this.replay;
    if (!replay) return;
    const shares: Record<string, number> = { ArrowLeft: -0.01, ArrowDown: -0.01, ArrowRight: 0.01, ArrowUp: 0.01, PageDown: -0.1, PageUp: 0.1 };
    const target = e.key === "Home" ? 0 : e.key === "End" ? replay.duration
      : e.key in shares ? replay.cursor + shares[e.key]! * replay.duration : null;
    if (target === null) return;
    e.preventDefault();
    this.pause();
    this.seek(target);
  }

  private start(): void {
    const replay = this.replay;
    if (!replay) return;
    if (replay.cursor >= replay.duration) this.seek(0);
    this.play.textContent = this.text["pause"] ?? "Pause";
    let last = performance.now();
    const step = (now: number): void => {
      const speed = Number(this.speed.value) || 1;
      this.seek(replay.cursor + (now - last) * 1000 * speed);
      last = now;
      this.playing = replay.cursor < replay.duration ? requestAnimationFrame(step) : 0;
      if (!this.playing) this.pause();
    };
    this.playing = requestAnimationFrame(step);
  }

  private pause(): void {
    cancelAnimationFrame(this.playing);
    this.playing = 0;
    this.play.textContent = this.text["play"] ?? "Play";
  }

  private showCursor(): void {
    const replay = this.replay!;
    this.scrubber.value = String(replay.cursor);
    this.cursor.textContent = `${formatMicros(replay.cursor)} / ${formatMicros(replay.duration)}`;
    this.root.dataset["cursor"] = String(Math.round(replay.cursor));
  }

  private bindShare(): void {
    const url = this.root.querySelector<HTMLInputElement>("[data-share-url]");
    const copy = this.root.querySelector<HTMLButtonElement>("[data-copy-share]");
    if (!url || !copy) return;
    url.value = new URL(url.value, location.href).href;
    url.addEventListener("focus", () => url.select());
    copy.addEventListener("click", () => {
      url.select();
      void navigator.clipboard?.writeText(url.value).then(() => {
        copy.textContent = this.text["copied"] ?? "Copied";
        setTimeout(() => (copy.textContent = this.text["copy"] ?? "Copy"), 1500);
      });
    });
  }
}
