// What the browser knows of one run, rebuilt from its events: lanes with state spans and cores, output, status.
import { EventBatch, LaneEvent, LaneState, MarkEvent, OutputEvent, RunEvent, RunStatusEvent, finalStatuses } from "./events";

export interface Span {
  state: LaneState;
  start: number;
  end: number | null;
  on?: string;
  inferred: boolean;
  core?: number;
  /** For task and coroutine lanes: the OS thread that ran this slice. */
  tid?: number;
}

export interface LaneModel {
  info: LaneEvent;
  index: number;
  spans: Span[];
  core?: number;
}

/** A counter's samples in time order, and the highest value among them (kept as they come: a frame asks every time). */
export interface Counter {
  samples: { t: number; value: number }[];
  max: number;
}

export class RunModel {
  readonly lanes = new Map<number, LaneModel>();
  readonly output: OutputEvent[] = [];
  readonly marks: MarkEvent[] = [];
  readonly counters = new Map<string, Counter>();
  /** Highest core number seen, for the per-core strip. */
  maxCore = -1;
  status: RunStatusEvent | null = null;
  /** Sequence number of the next event expected; batches are applied exactly once. */
  nextSeq = 0;
  /** Latest timestamp seen, in microseconds since the run started. */
  now = 0;

  get finished(): boolean {
    return this.status !== null && finalStatuses.has(this.status.status);
  }

  /** Applies a batch; returns the output lines it added. */
  apply(batch: EventBatch): OutputEvent[] {
    const added: OutputEvent[] = [];
    const skip = this.nextSeq - batch.first;
    if (skip < 0) {
      throw new Error(`Events ${this.nextSeq}..${batch.first - 1} are missing.`);
    }
    for (const e of batch.events.slice(skip)) {
      const line = this.applyEvent(e);
      if (line) added.push(line);
    }
    this.nextSeq = Math.max(this.nextSeq, batch.first + batch.events.length);
    return added;
  }

  /** Applies one event, in any order of sequence numbers (a replay applies them in time order); returns it if it is output. */
  applyEvent(e: RunEvent): OutputEvent | null {
    this.now = Math.max(this.now, e.t);
    switch (e.k) {
      case "lane":
        this.lanes.set(e.lane, { info: e, index: this.lanes.size, spans: [] });
        break;
      case "state": {
        const lane = this.lanes.get(e.lane);
        if (!lane) break;
        const last = lane.spans.at(-1);
        if (last && last.end === null) last.end = e.t;
        if (e.state !== "done") {
          lane.spans.push({ state: e.state, start: e.t, end: null, on: e.on, inferred: e.inferred, tid: e.tid, core: e.state === "running" ? lane.core : undefined });
        }
        break;
      }
      case "cpu": {
        const lane = this.lanes.get(e.lane);
        if (!lane) break;
        lane.core = e.core;
        this.maxCore = Math.max(this.maxCore, e.core);
        const last = lane.spans.at(-1);
        if (last && last.end === null && last.state === "running") last.core = e.core;
        break;
      }
      case "out":
        this.output.push(e);
        return e;
      case "run":
        this.status = e;
        break;
      case "mark":
        this.marks.push(e);
        break;
      case "counter": {
        const counter = this.counters.get(e.name) ?? { samples: [], max: -Infinity };
        counter.samples.push({ t: e.t, value: e.value });
        counter.max = Math.max(counter.max, e.value);
        this.counters.set(e.name, counter);
        break;
      }
      default:
        break;
    }
    return null;
  }
}
