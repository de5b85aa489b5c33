// The event model as it arrives over the hub (camelCase, kebab-case enum values); see Engine/Events.

export type LaneKind = "process" | "thread" | "task" | "coroutine";
export type LaneState = "running" | "ready" | "blocked" | "waiting" | "sleeping" | "io" | "done";
export type RunStatus = "queued" | "started" | "completed" | "failed" | "cancelled" | "timed-out" | "truncated" | "interrupted";

export interface LaneEvent {
  k: "lane";
  t: number;
  lane: number;
  parent?: number;
  kind: LaneKind;
  name: string;
  pid: number;
  tid?: number;
  managedId?: number;
}

export interface StateEvent {
  k: "state";
  t: number;
  lane: number;
  state: LaneState;
  on?: string;
  inferred: boolean;
  tid?: number;
}

export interface OutputEvent {
  k: "out";
  t: number;
  lane: number;
  text: string;
  stream: "stdout" | "stderr";
}

export interface MarkEvent {
  k: "mark";
  t: number;
  lane: number;
  label: string;
  link?: number;
}

export interface CounterEvent {
  k: "counter";
  t: number;
  name: string;
  value: number;
}

export interface CpuEvent {
  k: "cpu";
  t: number;
  lane: number;
  core: number;
}

export interface RunStatusEvent {
  k: "run";
  t: number;
  status: RunStatus;
  detail?: string;
}

export type RunEvent = LaneEvent | StateEvent | OutputEvent | MarkEvent | CounterEvent | CpuEvent | RunStatusEvent;

/** Consecutive events; the sequence number of events[i] is first + i. */
export interface EventBatch {
  first: number;
  events: RunEvent[];
}

export const finalStatuses: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled", "timed-out", "truncated", "interrupted"]);
