// A stored run played back: the run as it was at any moment, rebuilt from its events in time order.
// Moving forward applies only the events in between; moving back starts again from the beginning. Pure: no DOM.
import { OutputEvent, RunEvent } from "./events";
import { RunModel } from "./run-model";

export class Replay {
  /** The run at the current moment. */
  model = new RunModel();
  /** The moment shown, in microseconds since the run started. */
  cursor = 0;
  readonly duration: number;
  private readonly order: RunEvent[];
  private position = 0;

  constructor(events: readonly RunEvent[]) {
    // Events of different processes may reach the log slightly out of time order; ties keep log order.
    this.order = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e);
    this.duration = this.order.at(-1)?.t ?? 0;
  }

  /** Shows moment `t`; says whether the model was rebuilt (moving back) and which output lines it gained. */
  seek(t: number): { rebuilt: boolean; lines: OutputEvent[] } {
    const target = Math.min(Math.max(t, 0), this.duration);
    const rebuilt = target < this.cursor;
    if (rebuilt) {
      this.model = new RunModel();
      this.position = 0;
    }
    const lines: OutputEvent[] = [];
    while (this.position < this.order.length && this.order[this.position]!.t <= target) {
      const line = this.model.applyEvent(this.order[this.position++]!);
      if (line) lines.push(line);
    }
    this.cursor = target;
    this.model.now = target;
    return { rebuilt, lines };
  }
}
