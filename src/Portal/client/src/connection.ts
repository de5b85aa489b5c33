// The one SignalR connection of the page, started on first use and reconnected automatically.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

type Listener = (state: "reconnecting" | "connected") => void;

let connection: HubConnection | null = null;
let starting: Promise<HubConnection> | null = null;
const listeners = new Set<Listener>();

/** Calls `listener` when the connection drops and when it is back; returns a function that stops it. */
export function onConnectionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The reason of a failed hub call, fit to show: SignalR prefixes server errors with the invocation's details. */
export function hubErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^.*HubException: /, "");
}

export function hub(): Promise<HubConnection> {
  if (connection?.state === HubConnectionState.Connected) return Promise.resolve(connection);
  starting ??= start().finally(() => (starting = null));
  return starting;
}

async function start(): Promise<HubConnection> {
  if (!connection) {
    // The hub answers in the page's language, however the page got it (link, cookie or browser).
    const language = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
    connection = new HubConnectionBuilder()
      .withUrl(`/hub?lang=${language}`)
      .withAutomaticReconnect([0, 500, 1000, 2000, 5000, 10000])
      .configureLogging(LogLevel.Warning)
      .build();
    connection.onreconnecting(() => listeners.forEach((l) => l("reconnecting")));
    connection.onreconnected(() => listeners.forEach((l) => l("connected")));
  }
  if (connection.state === HubConnectionState.Disconnected) await connection.start();
  return connection;
}
