// Streams one run's events from the hub, from the first event not yet seen: after a dropped connection
// comes back it resumes where it stopped, so nothing is lost and nothing arrives twice.
import { HubConnectionState, ISubscription } from "@microsoft/signalr";
import { hub, hubErrorMessage, onConnectionChange } from "./connection";
import { EventBatch } from "./events";

export interface RunStreamHandlers {
  batch(batch: EventBatch): void;
  /** The run has ended and every event has arrived. */
  end(): void;
  error(message: string): void;
  reconnecting(): void;
}

export class RunStream {
  private subscription: ISubscription<EventBatch> | null = null;
  private done = false;
  private readonly unlisten: () => void;

  /** `nextSeq` says where to resume: the sequence number of the first event not yet applied. */
  constructor(private readonly runId: string, private readonly nextSeq: () => number, private readonly handlers: RunStreamHandlers) {
    this.unlisten = onConnectionChange((state) => {
      if (this.done) return;
      if (state === "reconnecting") this.handlers.reconnecting();
      else if (!this.subscription) this.open();
    });
    this.open();
  }

  close(): void {
    this.finish();
    this.subscription?.dispose();
    this.subscription = null;
  }

  private open(): void {
    hub().then((connection) => {
      if (this.done) return;
      this.subscription = connection.stream<EventBatch>("Watch", this.runId, this.nextSeq()).subscribe({
        next: (batch) => this.handlers.batch(batch),
        complete: () => {
          this.subscription = null;
          this.finish();
          this.handlers.end();
        },
        error: (error) => {
          this.subscription = null;
          // A dropped connection fails the stream first and only then starts reconnecting (in the same
          // turn): look again once SignalR has had its say. While it reconnects, the stream resumes when the
          // connection is back; otherwise (a real error, or reconnecting gave up) the error is the end.
          setTimeout(() => {
            if (this.done || this.subscription || connection.state === HubConnectionState.Reconnecting) return;
            this.finish();
            this.handlers.error(hubErrorMessage(error));
          });
        },
      });
    }, (error: unknown) => {
      this.finish();
      this.handlers.error(hubErrorMessage(error));
    });
  }

  private finish(): void {
    this.done = true;
    this.unlisten();
  }
}
